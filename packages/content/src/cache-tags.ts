/**
 * Every cache tag the site uses, defined once. Each CMS read is tagged by the getters in
 * `queries/`, and the revalidation webhook maps a CMS change to these same tags
 * (`tagsForChange` in ../revalidation.ts), so a change refreshes exactly what shows it:
 *
 * - an article changed      -> `article(slug)` for it and for every article whose rails point at
 *                              it, and `articles` (lists, rails, home, feed, sitemap)
 * - a topic changed         -> `topic(slug)`, `topics`, `articles` and `articlePages` (embedded names)
 * - an author changed       -> `author(slug)`, `authors`, `articles` and `articlePages` (bylines)
 * - site settings changed   -> `settings`
 * - home page changed       -> `home`
 * - a redirect changed      -> `redirects`
 */
export const cacheTags = {
  /** Any list or rail of articles (a new article can enter any of them). */
  articles: 'articles',
  /** Every single-article read: refreshed only when something embedded in all of them changes. */
  articlePages: 'article-pages',
  article: (slug: string) => `article:${slug}`,
  topics: 'topics',
  topic: (slug: string) => `topic:${slug}`,
  authors: 'authors',
  author: (slug: string) => `author:${slug}`,
  settings: 'site-settings',
  home: 'home-page',
  redirects: 'redirects',
} as const;
