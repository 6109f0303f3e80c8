/**
 * Everything the article page shows (fields, cover, author and reviewer with avatars, topics, the
 * body's components, references, SEO), for one published article, in ONE SQL statement.
 *
 * Why not the REST find with a populate: on 2 cores that path costs 30 statements and ~45 ms of CPU
 * per call (query validation, a query per relation and component type, output sanitizing), so
 * it tops out near 30 req/s (docs/benchmarks.md). This read model returns the same JSON as that
 * find (the API suite compares the two for every demo article on SQLite and PostgreSQL) at a
 * constant cost whatever the number of articles: one indexed lookup by slug.
 *
 * Table names follow Strapi's naming for src/api/article and src/components; a model change that
 * breaks them fails the equivalence test.
 */
import type { Core } from '@strapi/strapi';

import { withConnection } from '../../../utils/db-connection';
import { isoDate, isoDateTime, requiredIsoDateTime } from '../../../utils/sql-dates';
import type { ArticleSummary } from './summaries';

type Dialect = 'postgres' | 'sqlite';
type Json = Record<string, unknown>;
type Media = NonNullable<ArticleSummary['cover']>;

/** A summary (what cards show) plus everything else the article page shows. */
export type ArticlePage = ArticleSummary & {
  lastReviewedAt: string | null;
  author: Json | null;
  reviewer: Json | null;
  topics: Array<{ name: string; slug: string }>;
  body: Json[];
  references: Json[];
  seo: Json | null;
};

// The JSON builders differ by name only; ORDER BY inside an aggregate works in both.
const sqlFor = (d: Dialect) => {
  const obj = d === 'postgres' ? 'json_build_object' : 'json_object';
  const agg = d === 'postgres' ? 'json_agg' : 'json_group_array';
  const embed = (expr: string) => (d === 'postgres' ? expr : `json(${expr})`);
  const media = (relatedType: string, relatedId: string, field: string) =>
    `(SELECT ${obj}('url', f.url, 'width', f.width, 'height', f.height, 'alternativeText', f.alternative_text)
      FROM files_related_mph m JOIN files f ON f.id = m.file_id
      WHERE m.related_type = '${relatedType}' AND m.related_id = ${relatedId} AND m.field = '${field}'
      ORDER BY m."order" LIMIT 1)`;
  const person = (link: string) =>
    `(SELECT ${obj}('name', p.name, 'slug', p.slug, 'credentials', p.credentials, 'roleTitle', p.role_title,
        'avatar', ${embed(media('api::author.author', 'p.id', 'avatar'))})
      FROM ${link} l JOIN authors p ON p.id = l.author_id WHERE l.article_id = a.id LIMIT 1)`;
  const component = (type: string, table: string, fields: string) =>
    `WHEN '${type}' THEN (SELECT ${obj}(${fields}) FROM ${table} x WHERE x.id = c.cmp_id)`;
  return `SELECT a.document_id, a.title, a.slug, a.excerpt, a.cover_alt, a.first_published_at, a.updated_at,
    a.last_reviewed_at,
    ${media('api::article.article', 'a.id', 'cover')} AS cover,
    ${person('articles_author_lnk')} AS author,
    ${person('articles_reviewer_lnk')} AS reviewer,
    (SELECT ${agg}(${obj}('name', t.name, 'slug', t.slug) ORDER BY l.topic_ord, l.id)
      FROM articles_topics_lnk l JOIN topics t ON t.id = l.topic_id WHERE l.article_id = a.id) AS topics,
    (SELECT ${agg}(${obj}('field', c.field, '__component', c.component_type, 'id', c.cmp_id, 'data', CASE c.component_type
        ${component('content.rich-text', 'components_content_rich_texts', `'body', ${embed('x.body')}`)}
        ${component('content.callout', 'components_content_callouts', `'variant', x.variant, 'title', x.title, 'body', x.body`)}
        ${component('content.pull-quote', 'components_content_pull_quotes', `'quote', x.quote, 'attribution', x.attribution`)}
        ${component(
          'content.key-takeaways',
          'components_content_key_takeaways',
          `'title', x.title, 'items', (SELECT ${agg}(${obj}('text', tk.text) ORDER BY kc."order")
            FROM components_content_key_takeaways_cmps kc JOIN components_content_takeaways tk ON tk.id = kc.cmp_id
            WHERE kc.entity_id = x.id AND kc.field = 'items')`,
        )}
        ${component('content.figure', 'components_content_figures', `'alt', x.alt, 'caption', x.caption, 'credit', x.credit, 'image', ${embed(media('content.figure', 'x.id', 'image'))}`)}
        ${component('shared.reference', 'components_shared_references', `'title', x.title, 'publisher', x.publisher, 'year', x.year, 'url', x.url, 'doi', x.doi`)}
        ${component(
          'shared.seo',
          'components_shared_seos',
          `'metaTitle', x.meta_title, 'metaDescription', x.meta_description, 'canonicalUrl', x.canonical_url, 'noindex', x.noindex,
           'shareImage', ${embed(media('shared.seo', 'x.id', 'shareImage'))}`,
        )}
        END) ORDER BY c.field, c."order")
      FROM articles_cmps c WHERE c.entity_id = a.id AND c.field IN ('body', 'references', 'seo')) AS components
  FROM articles a WHERE a.slug = ? AND a.published_at IS NOT NULL
  ORDER BY a.id LIMIT 1`;
};

// Built once per dialect, not on every request.
const SQL: Record<Dialect, string> = { postgres: sqlFor('postgres'), sqlite: sqlFor('sqlite') };

// SQLite returns JSON as text and datetimes as epoch milliseconds; PostgreSQL returns objects and Dates.
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- T names what the SQL built; the statement is checked against the REST find by the API suite
const json = <T>(value: unknown): T | null => (value === null || value === undefined ? null : ((typeof value === 'string' ? JSON.parse(value) : value) as T));

type Row = Record<string, unknown>;
type StoredComponent = { field: string; __component: string; id: number; data: Json | null };

const toPage = (row: Row): ArticlePage => {
  const components = (json<StoredComponent[]>(row.components) ?? []).filter((c) => c.data !== null);
  const withId = (c: StoredComponent) => ({ id: c.id, ...c.data });
  const seo = components.find((c) => c.field === 'seo');
  return {
    documentId: row.document_id as string,
    title: row.title as string,
    slug: row.slug as string,
    excerpt: row.excerpt as string,
    coverAlt: (row.cover_alt as string | null) ?? null,
    firstPublishedAt: isoDateTime(row.first_published_at),
    updatedAt: requiredIsoDateTime(row.updated_at, 'articles.updated_at'),
    lastReviewedAt: isoDate(row.last_reviewed_at),
    cover: json<Media>(row.cover),
    author: json<Json>(row.author),
    reviewer: json<Json>(row.reviewer),
    topics: json<Array<{ name: string; slug: string }>>(row.topics) ?? [],
    body: components.filter((c) => c.field === 'body').map((c) => ({ __component: c.__component, ...withId(c) })),
    references: components.filter((c) => c.field === 'references').map(withId),
    // SQLite stores booleans as 0/1.
    seo: seo?.data ? { ...withId(seo), noindex: seo.data.noindex === null ? null : Boolean(seo.data.noindex) } : null,
  };
};

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async bySlug(slug: string): Promise<ArticlePage | null> {
    const dialect: Dialect = strapi.db.dialect.client === 'postgres' ? 'postgres' : 'sqlite';
    // knex.raw returns the driver's result: PostgreSQL's has `rows`, SQLite's is the rows.
    const result = await withConnection(strapi, (knex) => knex.raw<{ rows: Row[] } | Row[]>(SQL[dialect], [slug]));
    const row = Array.isArray(result) ? result[0] : result.rows[0];
    return row ? toPage(row) : null;
  },
});
