/** Every public path with its last change, for `sitemap.xml`. */
import type { CmsClient } from '../client';
import type { SitemapEntry } from '../domain';
import { getArticleSitemapEntries } from './articles';
import { getAuthors } from './authors';
import { getTopics } from './topics';

export async function getSitemapEntries(client: CmsClient): Promise<SitemapEntry[]> {
  const [articles, topics, authors] = await Promise.all([getArticleSitemapEntries(client), getTopics(client), getAuthors(client)]);
  return [
    ...articles,
    ...topics.map((topic) => ({ path: `/topics/${topic.slug}`, lastModified: topic.updatedAt })),
    ...authors.map((author) => ({ path: `/authors/${author.slug}`, lastModified: author.updatedAt })),
  ];
}
