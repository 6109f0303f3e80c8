/** Both related-content rails of an article, from the CMS's custom route in one request. */
import { cacheTags } from '../cache-tags';
import type { CmsClient } from '../client';
import type { RelatedLink, RelatedRails } from '../domain';
import { orWhenNotFound } from '../errors';
import { isExternalHref, safeHref } from '../safe-href';
import { relatedResponse } from '../schemas/related';
import { isValidSlug } from './articles';
import { toArticleSummary } from './reshape';

export const ALSO_LIKE_LIMIT = 6;

export const relatedPath = (slug: string) => `/articles/${slug}/related`;

/** The rails for the article with this slug, or `null` when the CMS has no such published article. */
export async function getRelatedRails(
  client: CmsClient,
  slug: string,
  limit = ALSO_LIKE_LIMIT,
): Promise<RelatedRails | null> {
  if (!isValidSlug(slug)) return null;
  const response = await orWhenNotFound(
    client.get(relatedPath(slug), { limit }, relatedResponse, { tags: [cacheTags.article(slug), cacheTags.articles] }),
    null,
  );
  if (!response) return null;
  const recommended = response.data.recommended.flatMap((item): RelatedLink[] => {
    if (item.kind === 'article') return [{ kind: 'article', article: toArticleSummary(item.article, client.mediaUrl) }];
    // Curated external links must leave the site over http(s); anything else is dropped.
    const href = safeHref(item.url);
    return href && isExternalHref(href) ? [{ kind: 'external', href, label: item.label }] : [];
  });
  return {
    recommended,
    alsoLike: response.data.alsoLike.map((raw) => toArticleSummary(raw, client.mediaUrl)),
  };
}
