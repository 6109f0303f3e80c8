/**
 * The CMS -> site change notification (posted by apps/cms/src/document-middlewares/notify-site.ts
 * to the site's /api/revalidate) and the one place it is turned into cache tags. Tags are never
 * taken from the payload: only the model name and validated slugs are read.
 */
import { z } from 'zod';

import { cacheTags } from './cache-tags';
import { isValidSlug } from './queries/articles';

const slug = z.string().max(160).refine(isValidSlug, 'not a slug');

/**
 * How many referencing articles get a tag each. The CMS sends at most this many (mirrored as
 * REFERENCED_BY_LIMIT in apps/cms/src/utils/referenced-by.ts) and sets `referencedByOverflow`
 * when there were more. Either way, a longer list is never refused: past the limit the
 * notification falls back to `articlePages`, which covers every article page, so an unpublished
 * article cannot stay live in rails the notification could not name.
 */
export const REFERENCED_BY_LIMIT = 50;

export const changeNotification = z.object({
  model: z.enum(['article', 'author', 'topic', 'site-setting', 'home-page', 'redirect']),
  action: z.string().max(40),
  documentId: z.string().max(64).nullable(),
  slugs: z.array(slug).max(10),
  // No count limit: the route's 16 KB body limit bounds it, and an overlong list means "refresh all".
  referencedBy: z.array(slug),
  referencedByOverflow: z.boolean().default(false),
  /** When the change was committed at the CMS: the site measures publish-to-live from it. */
  changedAt: z.iso.datetime({ offset: true }).optional(),
});

export type ChangeNotification = z.output<typeof changeNotification>;

export const tagsForChange = (change: ChangeNotification): string[] => {
  const tags = new Set<string>();
  switch (change.model) {
    case 'article': {
      const overflow = change.referencedByOverflow || change.referencedBy.length > REFERENCED_BY_LIMIT;
      for (const s of [...change.slugs, ...change.referencedBy.slice(0, REFERENCED_BY_LIMIT)])
        tags.add(cacheTags.article(s));
      tags.add(cacheTags.articles);
      if (overflow) tags.add(cacheTags.articlePages);
      break;
    }
    case 'author':
      change.slugs.forEach((s) => tags.add(cacheTags.author(s)));
      [cacheTags.authors, cacheTags.articles, cacheTags.articlePages].forEach((t) => tags.add(t));
      break;
    case 'topic':
      change.slugs.forEach((s) => tags.add(cacheTags.topic(s)));
      [cacheTags.topics, cacheTags.articles, cacheTags.articlePages].forEach((t) => tags.add(t));
      break;
    case 'site-setting':
      tags.add(cacheTags.settings);
      break;
    case 'home-page':
      tags.add(cacheTags.home);
      break;
    case 'redirect':
      tags.add(cacheTags.redirects);
      break;
  }
  return [...tags];
};
