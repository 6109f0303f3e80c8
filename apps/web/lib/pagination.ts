/**
 * Page numbers of the paginated lists. Topic and author listings put the page in the path
 * (`/topics/sleep/page/2`) so every page is one cacheable URL (ISR, and any cache in front);
 * search, per request by nature, keeps `?page=`.
 */

const PAGE_NUMBER = /^[1-9]\d{0,4}$/;

/** `?page=`: page 1 when absent; `null` (-> 404) for anything that is not a plain positive integer. */
export const parsePageParam = (value: string | string[] | undefined): number | null => {
  if (value === undefined) return 1;
  if (Array.isArray(value) || !PAGE_NUMBER.test(value)) return null;
  return Number(value);
};

/**
 * A listing's `/page/N` segment: 2 and up; `null` (-> 404) otherwise. Page 1 is the bare listing
 * path, its only URL (proxy.ts redirects `/page/1` there).
 */
export const parsePageSegment = (value: string): number | null => {
  if (!PAGE_NUMBER.test(value)) return null;
  const page = Number(value);
  return page >= 2 ? page : null;
};

/** `/topics/sleep` + 2 -> `/topics/sleep/page/2`; page 1 is the bare path (one canonical URL). */
export const listingPageHref = (basePath: string, page: number): string =>
  page > 1 ? `${basePath}/page/${page}` : basePath;

/** `/search?q=iron` + 2 -> `/search?q=iron&page=2`. */
export const searchPageHref = (query: string, page: number): string => {
  const params = new URLSearchParams({ q: query });
  if (page > 1) params.set('page', String(page));
  return `/search?${params.toString()}`;
};
