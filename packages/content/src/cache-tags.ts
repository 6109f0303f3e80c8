/**
 * Every cache tag the site uses, defined once. Each CMS read is tagged by the getters in
 * `queries/`, and a webhook handler turns a Strapi event into `revalidateTag()` calls with
 * these same helpers, so a change refreshes exactly what shows it:
 *
 * - an article changed      -> `article(slug)` and `articles` (lists, rails, feed, sitemap)
 * - a topic changed         -> `topic(slug)` and `topics` (navigation, sitemap)
 * - an author changed       -> `author(slug)`, `authors` and `articles` (bylines are embedded)
 * - site settings changed   -> `settings`
 * - home page changed       -> `home`
 */
export const cacheTags = {
  /** Any list or rail of articles, and every single-article read (they embed other documents). */
  articles: 'articles',
  article: (slug: string) => `article:${slug}`,
  topics: 'topics',
  topic: (slug: string) => `topic:${slug}`,
  authors: 'authors',
  author: (slug: string) => `author:${slug}`,
  settings: 'site-settings',
  home: 'home-page',
} as const;
