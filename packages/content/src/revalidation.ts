/**
 * The CMS -> site change notification (posted by apps/cms/src/document-middlewares/notify-site.ts
 * to the site's /api/revalidate) and the one place it is turned into cache tags. Tags are never
 * taken from the payload: only the model name and validated slugs are read.
 */
import { z } from 'zod';

import { cacheTags } from './cache-tags';
import { isValidSlug } from './queries/articles';

const slug = z.string().max(160).refine(isValidSlug, 'not a slug');

export const changeNotification = z.object({
  model: z.enum(['article', 'author', 'topic', 'site-setting', 'home-page', 'redirect']),
  action: z.string().max(40),
  documentId: z.string().max(64).nullable(),
  slugs: z.array(slug).max(10),
  referencedBy: z.array(slug).max(500),
});

export type ChangeNotification = z.output<typeof changeNotification>;

export const tagsForChange = (change: ChangeNotification): string[] => {
  const tags = new Set<string>();
  switch (change.model) {
    case 'article':
      for (const s of [...change.slugs, ...change.referencedBy]) tags.add(cacheTags.article(s));
      tags.add(cacheTags.articles);
      break;
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
