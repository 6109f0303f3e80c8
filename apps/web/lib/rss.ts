/** RSS 2.0 for the latest articles. Every text and URL goes through `escapeXml`. */
import type { ArticleSummary } from '@nourish/content';
import { escapeXml } from './xml';

export type RssChannel = {
  title: string;
  description: string;
  siteUrl: string;
  feedUrl: string;
  copyright: string;
  items: ArticleSummary[];
  now?: Date;
};

export const buildRssFeed = ({
  title,
  description,
  siteUrl,
  feedUrl,
  copyright,
  items,
  now = new Date(),
}: RssChannel): string => {
  const entries = items.map((item) => {
    const link = `${siteUrl}/articles/${item.slug}`;
    const date = new Date(item.publishedAt ?? item.updatedAt).toUTCString();
    return [
      '    <item>',
      `      <title>${escapeXml(item.title)}</title>`,
      `      <link>${escapeXml(link)}</link>`,
      `      <guid isPermaLink="true">${escapeXml(link)}</guid>`,
      `      <pubDate>${date}</pubDate>`,
      `      <description>${escapeXml(item.excerpt)}</description>`,
      '    </item>',
    ].join('\n');
  });
  const lastBuild = items[0] ? new Date(items[0].publishedAt ?? items[0].updatedAt) : now;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">',
    '  <channel>',
    `    <title>${escapeXml(title)}</title>`,
    `    <link>${escapeXml(`${siteUrl}/`)}</link>`,
    `    <description>${escapeXml(description)}</description>`,
    '    <language>en-gb</language>',
    `    <copyright>${escapeXml(copyright)}</copyright>`,
    `    <lastBuildDate>${lastBuild.toUTCString()}</lastBuildDate>`,
    `    <atom:link href="${escapeXml(feedUrl)}" rel="self" type="application/rss+xml"/>`,
    ...entries,
    '  </channel>',
    '</rss>',
    '',
  ].join('\n');
};
