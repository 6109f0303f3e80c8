/** RSS 2.0 for the latest articles. Every text and URL goes through `escapeXml`. */
import type { ArticleSummary } from '@nourish/content';

/** Escapes the five XML specials and drops characters XML 1.0 forbids (C0 controls, lone surrogates, U+FFFE/F). */
export const escapeXml = (value: string): string =>
  value
    .replace(/[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');

export type RssChannel = {
  title: string;
  description: string;
  siteUrl: string;
  feedUrl: string;
  copyright: string;
  items: ArticleSummary[];
  now?: Date;
};

export const buildRssFeed = ({ title, description, siteUrl, feedUrl, copyright, items, now = new Date() }: RssChannel): string => {
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
