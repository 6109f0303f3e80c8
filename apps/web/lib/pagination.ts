/** `?page=` handling shared by the paginated lists. */

/** Page 1 when absent; `null` (-> 404) for anything that is not a plain positive integer. */
export const parsePageParam = (value: string | string[] | undefined): number | null => {
  if (value === undefined) return 1;
  if (Array.isArray(value) || !/^[1-9]\d{0,4}$/.test(value)) return null;
  return Number(value);
};

/** `/topics/sleep` + 2 -> `/topics/sleep?page=2`; page 1 is the bare path (one canonical URL). */
export const pageHref = (basePath: string, page: number, extra: Record<string, string> = {}): string => {
  const params = new URLSearchParams(extra);
  if (page > 1) params.set('page', String(page));
  const query = params.toString();
  return query ? `${basePath}?${query}` : basePath;
};
