/**
 * Structured data for articles: one `MedicalWebPage` + `Article` node (the page is both) and a
 * `BreadcrumbList`. Serialized with `<`, `>` and `&` escaped so CMS text can never close the
 * surrounding <script> element.
 */
import type { Article, AuthorRef, SiteSettings } from '@nourish/content';

type JsonLd = Record<string, unknown>;

export const serializeJsonLd = (data: JsonLd): string =>
  JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');

const person = (author: AuthorRef, origin: string): JsonLd => ({
  '@type': 'Person',
  name: author.name,
  url: `${origin}/authors/${author.slug}`,
  ...(author.credentials ? { honorificSuffix: author.credentials } : {}),
  ...(author.roleTitle ? { jobTitle: author.roleTitle } : {}),
});

/**
 * The article history in schema.org terms. schema.org defines `correction` on CreativeWork (a
 * `CorrectionComment` with its text and date), so corrections are listed. It has no property for
 * a list of updates or of past reviews: updates show only as `dateModified`, and reviews as the
 * latest `reviewedBy`/`lastReviewed` (from the article's own fields, as before).
 */
const corrections = (article: Article): JsonLd => {
  const correction = article.history
    .filter((entry) => entry.kind === 'corrected')
    .map((entry) => ({
      '@type': 'CorrectionComment',
      text: entry.note ?? 'This article was corrected.',
      datePublished: entry.occurredAt,
    }));
  return correction.length > 0 ? { correction } : {};
};

export type ArticleJsonLdInput = {
  article: Article;
  settings: SiteSettings;
  origin: string;
  url: string;
  imageUrl: string | null;
};

export const articleJsonLd = ({ article, settings, origin, url, imageUrl }: ArticleJsonLdInput): JsonLd => ({
  '@context': 'https://schema.org',
  '@type': ['MedicalWebPage', 'Article'],
  '@id': `${url}#article`,
  url,
  mainEntityOfPage: url,
  headline: article.title,
  name: article.title,
  description: article.excerpt,
  inLanguage: 'en-GB',
  ...(imageUrl ? { image: [imageUrl] } : {}),
  ...(article.publishedAt ? { datePublished: article.publishedAt } : {}),
  dateModified: article.updatedAt,
  ...(article.author ? { author: person(article.author, origin) } : {}),
  ...(article.reviewer ? { reviewedBy: person(article.reviewer, origin) } : {}),
  ...(article.lastReviewedAt ? { lastReviewed: article.lastReviewedAt } : {}),
  ...corrections(article),
  ...(article.topics.length > 0
    ? {
        about: article.topics.map((topic) => ({ '@type': 'Thing', name: topic.name })),
        keywords: article.topics.map((topic) => topic.name).join(', '),
      }
    : {}),
  citation: article.references.map((reference) => ({
    '@type': 'CreativeWork',
    name: reference.title,
    ...(reference.publisher ? { publisher: { '@type': 'Organization', name: reference.publisher } } : {}),
    ...(reference.year ? { datePublished: String(reference.year) } : {}),
    ...(reference.href ? { url: reference.href } : {}),
    ...(reference.doi ? { identifier: `doi:${reference.doi}` } : {}),
  })),
  publisher: { '@type': 'Organization', name: settings.publisherName, url: origin },
  copyrightHolder: { '@type': 'Organization', name: settings.copyrightHolder },
});

export const breadcrumbJsonLd = (crumbs: Array<{ name: string; url: string }>): JsonLd => ({
  '@context': 'https://schema.org',
  '@type': 'BreadcrumbList',
  itemListElement: crumbs.map((crumb, index) => ({
    '@type': 'ListItem',
    position: index + 1,
    name: crumb.name,
    item: crumb.url,
  })),
});
