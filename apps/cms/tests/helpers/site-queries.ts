/**
 * The reader site's REST queries (packages/content/src/queries/*.ts), spelled out: the CMS does
 * not depend on the contract package. The public may ask exactly these (src/api-policy).
 */
const media = { fields: ['url', 'width', 'height', 'alternativeText'] };
const person = { fields: ['name', 'slug', 'credentials', 'roleTitle'], populate: { avatar: media } };
const seo = { fields: ['metaTitle', 'metaDescription', 'canonicalUrl', 'noindex'], populate: { shareImage: media } };
const summaryFields = ['title', 'slug', 'excerpt', 'coverAlt', 'firstPublishedAt', 'updatedAt'];

/** articleBySlugQuery without its filter: the article page (and preview) populate. */
export const SITE_POPULATE = {
  fields: [...summaryFields, 'lastReviewedAt'],
  populate: {
    cover: media,
    author: person,
    reviewer: person,
    topics: { fields: ['name', 'slug'] },
    references: { fields: ['title', 'publisher', 'year', 'url', 'doi'] },
    seo,
    body: {
      on: {
        'content.rich-text': { fields: ['body'] },
        'content.key-takeaways': { fields: ['title'], populate: { items: { fields: ['text'] } } },
        'content.callout': { fields: ['variant', 'title', 'body'] },
        'content.pull-quote': { fields: ['quote', 'attribution'] },
        'content.figure': { fields: ['alt', 'caption', 'credit'], populate: { image: media } },
      },
    },
  },
};

/** Strapi's bracket syntax (what `qs` writes with arrayFormat "indices"). */
export const brackets = (value: unknown, prefix = ''): string[] =>
  value !== null && typeof value === 'object'
    ? Object.entries(value).flatMap(([k, v]) => brackets(v, prefix ? `${prefix}[${k}]` : k))
    : [`${prefix}=${encodeURIComponent(String(value))}`];

export const queryString = (query: Record<string, unknown>) => brackets(query).join('&');

const summaryList = (filters: Record<string, unknown> | undefined) => ({
  ...(filters ? { filters } : {}),
  fields: summaryFields,
  populate: { cover: media },
  sort: ['firstPublishedAt:desc', 'title:asc'],
  pagination: { page: 1, pageSize: 12, withCount: true },
});
const authorQuery = { fields: ['name', 'slug', 'credentials', 'roleTitle', 'bio', 'medicalReviewer', 'updatedAt'], populate: { avatar: media, links: { fields: ['label', 'url'] } } };

/** Every public read the site makes, as `path?query` under /api. */
export const siteReads = (s: { article: string; topic: string; author: string }): string[] => [
  `/articles?${queryString({ filters: { slug: { $eq: s.article } }, ...SITE_POPULATE, pagination: { page: 1, pageSize: 1 } })}`,
  `/articles/by-slug/${s.article}`,
  `/articles/${s.article}/related?limit=6`,
  `/articles?${queryString(summaryList(undefined))}`,
  `/articles?${queryString(summaryList({ topics: { slug: { $eq: s.topic } } }))}`,
  `/articles?${queryString(summaryList({ $or: [{ author: { slug: { $eq: s.author } } }, { reviewer: { slug: { $eq: s.author } } }] }))}`,
  `/authors?${queryString({ filters: { slug: { $eq: s.author } }, ...authorQuery, pagination: { page: 1, pageSize: 1 } })}`,
  `/authors?${queryString({ ...authorQuery, sort: ['name:asc'], pagination: { page: 1, pageSize: 100 } })}`,
  `/topics?${queryString({ filters: { slug: { $eq: s.topic } }, fields: ['name', 'slug', 'description', 'healthTopic', 'updatedAt'], pagination: { page: 1, pageSize: 1 } })}`,
  `/topics?${queryString({ fields: ['name', 'slug', 'description', 'healthTopic', 'updatedAt'], sort: ['name:asc'], pagination: { page: 1, pageSize: 100 } })}`,
  `/home-page?${queryString({
    fields: ['updatedAt'],
    populate: {
      featured: { populate: { article: { fields: summaryFields, populate: { cover: media } } } },
      topicSections: { fields: ['heading', 'limit'], populate: { topic: { fields: ['name', 'slug'] } } },
      seo,
    },
  })}`,
  `/site-setting?${queryString({
    fields: ['siteName', 'publisherName', 'copyrightHolder', 'copyrightStartYear', 'medicalDisclaimer'],
    populate: { footerLinks: { fields: ['label', 'url'] }, defaultSeo: seo },
  })}`,
  `/redirects?${queryString({ filters: { from: { $eq: '/articles/old' } }, fields: ['from', 'to', 'permanent'], pagination: { page: 1, pageSize: 1 } })}`,
  `/search?${queryString({ q: 'magnesium', page: 1, pageSize: 10 })}`,
  '/sitemap/articles',
  '/sitemap/articles/1',
];
