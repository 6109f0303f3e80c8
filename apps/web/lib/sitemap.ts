/**
 * The sitemaps.org 0.9 documents: an index naming each sitemap file, and each file's urlset.
 * Written here because Next's sitemap API calls generateSitemaps at build time, when the CMS
 * may be down, and has no index at all. Every URL goes through `escapeXml`.
 */
import type { SitemapFile } from '@nourish/content';
import { escapeXml } from './xml';

const NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';

/** The file's path on the site: /sitemaps/pages.xml, /sitemaps/articles-1.xml, ... */
export const sitemapFilePath = (file: SitemapFile): string =>
  file.kind === 'pages' ? '/sitemaps/pages.xml' : `/sitemaps/articles-${file.page}.xml`;

/** The file a `[file]` segment names, or null for anything else. */
export const parseSitemapFile = (segment: string): SitemapFile | null => {
  if (segment === 'pages.xml') return { kind: 'pages' };
  const match = /^articles-([1-9]\d{0,5})\.xml$/.exec(segment);
  return match ? { kind: 'articles', page: Number(match[1]) } : null;
};

const document = (lines: string[]): string => ['<?xml version="1.0" encoding="UTF-8"?>', ...lines, ''].join('\n');

export const buildSitemapIndex = (locations: string[]): string =>
  document([
    `<sitemapindex xmlns="${NS}">`,
    ...locations.map((loc) => `  <sitemap><loc>${escapeXml(loc)}</loc></sitemap>`),
    '</sitemapindex>',
  ]);

export type UrlEntry = { url: string; lastModified?: string };

export const buildUrlset = (entries: UrlEntry[]): string =>
  document([
    `<urlset xmlns="${NS}">`,
    ...entries.map(({ url, lastModified }) =>
      lastModified
        ? `  <url><loc>${escapeXml(url)}</loc><lastmod>${escapeXml(lastModified)}</lastmod></url>`
        : `  <url><loc>${escapeXml(url)}</loc></url>`,
    ),
    '</urlset>',
  ]);

export const XML_HEADERS = {
  'Content-Type': 'application/xml; charset=utf-8',
  'Cache-Control': 'public, max-age=300, stale-while-revalidate=600',
};
