/** The smallest valid article the suites create through the admin API, and its one-paragraph body. */
import type { AdminSession } from './http';

export const paragraph = (text: string) => [
  { __component: 'content.rich-text', body: [{ type: 'paragraph', children: [{ type: 'text', text }] }] },
];

/** A draft article `slug` with a title, excerpt, cover text and body derived from it; `extra` overrides. */
export const createTestArticle = (session: AdminSession, slug: string, extra: Record<string, unknown> = {}) =>
  session.createArticle({
    title: `Test ${slug}`,
    slug,
    excerpt: `Excerpt of ${slug}`,
    coverAlt: 'Test cover',
    body: paragraph(`Body of ${slug}`),
    ...extra,
  });
