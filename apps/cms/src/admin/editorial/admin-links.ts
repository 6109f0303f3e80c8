/** Where the editorial panels link to inside the admin (its router's paths, under /admin). */
export const ARTICLE = 'api::article.article';

export const editViewPath = (documentId: string) => `/content-manager/collection-types/${ARTICLE}/${documentId}`;

/** The content manager's article list filtered to reviews due by `until` (YYYY-MM-DD), soonest first. */
export const reviewsDueListPath = (until: string) =>
  `/content-manager/collection-types/${ARTICLE}?${new URLSearchParams({
    'filters[$and][0][nextReviewDue][$lte]': until,
    sort: 'nextReviewDue:ASC',
    page: '1',
    pageSize: '50',
  }).toString()}`;
