/**
 * The site's sitemaps: one file for the pages that are not articles (topics, authors) and one
 * per CMS sitemap page of articles, tied together by a sitemap index. One file for everything
 * broke the sitemaps.org limit of 50,000 URLs and took 1,000 CMS calls at 100k articles.
 */
import type { CmsClient } from '../client';
import type { SitemapEntry } from '../domain';
import { getArticleSitemapCount, getArticleSitemapEntries } from './articles';
import { getAuthors } from './authors';
import { getTopics } from './topics';

/** Which sitemap a file of the index holds: the listing pages, or article page N (from 1). */
export type SitemapFile = { kind: 'pages' } | { kind: 'articles'; page: number };

/** Every sitemap file, in index order. */
export async function getSitemapFiles(client: CmsClient): Promise<SitemapFile[]> {
  const articlePages = await getArticleSitemapCount(client);
  return [
    { kind: 'pages' },
    ...Array.from({ length: articlePages }, (_, i): SitemapFile => ({ kind: 'articles', page: i + 1 })),
  ];
}

/** Topic and author pages with their last change (the home page is the site's own). */
export async function getListingSitemapEntries(client: CmsClient): Promise<SitemapEntry[]> {
  const [topics, authors] = await Promise.all([getTopics(client), getAuthors(client)]);
  return [
    ...topics.map((topic) => ({ path: `/topics/${topic.slug}`, lastModified: topic.updatedAt })),
    ...authors.map((author) => ({ path: `/authors/${author.slug}`, lastModified: author.updatedAt })),
  ];
}

export const getSitemapEntries = (client: CmsClient, file: SitemapFile): Promise<SitemapEntry[]> =>
  file.kind === 'pages' ? getListingSitemapEntries(client) : getArticleSitemapEntries(client, file.page);
