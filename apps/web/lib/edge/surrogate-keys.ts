/**
 * The cache tags a response depends on, named in a `Surrogate-Key` header so an edge cache can
 * purge it by tag (Varnish's xkey, Fastly's surrogate keys; infra/edge). They are the same strings
 * the site's data layer tags its CMS reads with (`cacheTags`), so the tags /api/revalidate expires
 * in Next are exactly the keys it purges at the edge.
 *
 * Next 16 sends the tags it recorded for a page (`x-next-cache-tags`) only in its minimal
 * (hosting-platform) mode, so they are derived from the route here: what each page reads, as in
 * `app/` and `lib/data.ts`. Every page of the site chrome reads the settings and the topic list.
 */
import { cacheTags, isValidSlug } from '@nourish/content';

export const SURROGATE_KEY_HEADER = 'Surrogate-Key';

const CHROME = [cacheTags.settings, cacheTags.topics];

/** The slug in `/<section>/<slug>[/...]` when it can be one (anything else is a 404 of the chrome). */
const slugOf = (segment: string | undefined): string | null => {
  if (!segment) return null;
  try {
    const slug = decodeURIComponent(segment);
    return isValidSlug(slug) ? slug : null;
  } catch {
    return null;
  }
};

export function surrogateKeysFor(pathname: string): string[] {
  const [section, second] = pathname.split('/').filter(Boolean);
  const slug = slugOf(second);
  switch (section) {
    case undefined:
    case 'home': // `/` is rendered by the route at /home/current (next.config rewrites)
      return [cacheTags.home, cacheTags.articles, ...CHROME];
    case 'articles':
      // Unknown or unpublished slugs are 404s (or redirects) tagged with the slug too, so
      // publishing the article or adding a redirect purges them.
      return slug
        ? [cacheTags.article(slug), cacheTags.articlePages, cacheTags.articles, cacheTags.redirects, ...CHROME]
        : [cacheTags.redirects, ...CHROME];
    case 'topics':
      return slug ? [cacheTags.topic(slug), cacheTags.articles, ...CHROME] : CHROME;
    case 'authors':
      return slug ? [cacheTags.author(slug), cacheTags.authors, cacheTags.articles, ...CHROME] : CHROME;
    case 'search':
      return [cacheTags.articles, ...CHROME];
    case 'feed.xml':
      return [cacheTags.articles, cacheTags.settings];
    case 'sitemap.xml':
    case 'sitemaps':
      return [cacheTags.articles, cacheTags.topics, cacheTags.authors];
    case 'robots.txt':
      return [cacheTags.settings];
    default:
      return CHROME;
  }
}
