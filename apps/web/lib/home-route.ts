/**
 * Where the home page's route lives. `/` is rewritten there (next.config.ts) because a route without
 * params would be prerendered by `next build`, which must pass while the CMS is down; behind a
 * param the home page is ISR like every other page. Its canonical link names `/`.
 */
export const HOME_EDITION = 'current';
export const HOME_ROUTE = `/home/${HOME_EDITION}`;
