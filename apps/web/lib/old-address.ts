/**
 * The query parameters by which WordPress addresses a post or page at the site's root. The
 * importer stores such an old URL as a Redirect from `/?p=412`; `/` with one of them is rewritten
 * to the route that looks it up (next.config.ts), so the home page's cached route never sees them.
 */
export const WORDPRESS_ID_PARAMS = ['p', 'page_id'] as const;
export const OLD_ADDRESS_ROUTE = '/old-address';
