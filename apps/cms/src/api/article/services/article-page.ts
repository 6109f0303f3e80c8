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
import type {
  BodyComponentUid,
  RawArticle,
  RawAuthorRef,
  RawBodyComponent,
  RawHistoryEntry,
  RawMedia,
  RawReference,
  RawSeo,
  RawTopicRef,
} from '@nourish/content/schemas';
import type { Core } from '@strapi/strapi';

import { withConnection } from '../../../utils/db-connection';
import { isoDate, isoDateTime, requiredIsoDateTime } from '../../../utils/sql-dates';

type Dialect = 'postgres' | 'sqlite';
type Json = Record<string, unknown>;
/** Where a component's fields live, as `json_object` arguments over its table aliased `x`. */
type ComponentSql = { table: string; fields: string };

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
  // What readers see of the article's history: newest first, never who recorded it (recordedBy).
  // The reviewer is named without an avatar: the history lists names only.
  const history = `(SELECT ${agg}(${obj}('kind', h.kind, 'occurredAt', h.occurred_at, 'note', h.note,
        'reviewer', ${embed(`(SELECT ${obj}('name', p.name, 'slug', p.slug, 'credentials', p.credentials)
          FROM article_history_reviewer_lnk l JOIN authors p ON p.id = l.author_id
          WHERE l.article_history_id = h.id LIMIT 1)`)}) ORDER BY h.occurred_at DESC, h.id DESC)
      FROM article_history h
      WHERE h.article_document_id = a.document_id AND h.show_to_readers = ${d === 'postgres' ? 'true' : '1'})`;
  const component = (type: string, { table, fields }: ComponentSql) =>
    `WHEN '${type}' THEN (SELECT ${obj}(${fields}) FROM ${table} x WHERE x.id = c.cmp_id)`;
  // Keyed by block kind: a kind added to the contract does not compile until it is read here.
  const body: Record<BodyComponentUid, ComponentSql> = {
    'content.rich-text': { table: 'components_content_rich_texts', fields: `'body', ${embed('x.body')}` },
    'content.callout': {
      table: 'components_content_callouts',
      fields: `'variant', x.variant, 'title', x.title, 'body', x.body`,
    },
    'content.pull-quote': {
      table: 'components_content_pull_quotes',
      fields: `'quote', x.quote, 'attribution', x.attribution`,
    },
    'content.key-takeaways': {
      table: 'components_content_key_takeaways',
      fields: `'title', x.title, 'items', (SELECT ${agg}(${obj}('text', tk.text) ORDER BY kc."order")
            FROM components_content_key_takeaways_cmps kc JOIN components_content_takeaways tk ON tk.id = kc.cmp_id
            WHERE kc.entity_id = x.id AND kc.field = 'items')`,
    },
    'content.figure': {
      table: 'components_content_figures',
      fields: `'alt', x.alt, 'caption', x.caption, 'credit', x.credit, 'image', ${embed(media('content.figure', 'x.id', 'image'))}`,
    },
  };
  const components: Record<string, ComponentSql> = {
    ...body,
    'shared.reference': {
      table: 'components_shared_references',
      fields: `'title', x.title, 'publisher', x.publisher, 'year', x.year, 'url', x.url, 'doi', x.doi`,
    },
    'shared.seo': {
      table: 'components_shared_seos',
      fields: `'metaTitle', x.meta_title, 'metaDescription', x.meta_description, 'canonicalUrl', x.canonical_url, 'noindex', x.noindex,
           'shareImage', ${embed(media('shared.seo', 'x.id', 'shareImage'))}`,
    },
  };
  return `SELECT a.document_id, a.title, a.slug, a.excerpt, a.cover_alt, a.first_published_at, a.updated_at,
    a.content_updated_at, a.last_reviewed_at,
    ${media('api::article.article', 'a.id', 'cover')} AS cover,
    ${person('articles_author_lnk')} AS author,
    ${person('articles_reviewer_lnk')} AS reviewer,
    (SELECT ${agg}(${obj}('name', t.name, 'slug', t.slug) ORDER BY l.topic_ord, l.id)
      FROM articles_topics_lnk l JOIN topics t ON t.id = l.topic_id WHERE l.article_id = a.id) AS topics,
    (SELECT ${agg}(${obj}('field', c.field, '__component', c.component_type, 'id', c.cmp_id, 'data', CASE c.component_type
        ${Object.entries(components)
          .map(([type, sql]) => component(type, sql))
          .join('\n        ')}
        END) ORDER BY c.field, c."order")
      FROM articles_cmps c WHERE c.entity_id = a.id AND c.field IN ('body', 'references', 'seo')) AS components,
    ${history} AS history
  FROM articles a WHERE a.slug = ? AND a.published_at IS NOT NULL
  ORDER BY a.id LIMIT 1`;
};

// Built once per dialect, not on every request.
const SQL: Record<Dialect, string> = { postgres: sqlFor('postgres'), sqlite: sqlFor('sqlite') };

// SQLite returns JSON as text and datetimes as epoch milliseconds; PostgreSQL returns objects and Dates.
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- T names what the SQL built; the statement is checked against the REST find by the API suite
const json = <T>(value: unknown): T | null =>
  value === null || value === undefined ? null : ((typeof value === 'string' ? JSON.parse(value) : value) as T);

type Row = Record<string, unknown>;
type StoredHistoryEntry = Omit<RawHistoryEntry, 'occurredAt'> & { occurredAt: unknown };
type StoredComponent = { field: string; __component: string; id: number; data: Json | null };

// The API suite checks what this returns against the REST find and the committed fixtures.
const toPage = (row: Row): RawArticle => {
  const components = (json<StoredComponent[]>(row.components) ?? []).filter((c) => c.data !== null);
  // The statement builds each component's JSON in the contract's shape; this is where it is named so.
  const withId = (c: StoredComponent, head: Json = {}): Json => ({ ...head, id: c.id, ...c.data });
  const seo = components.find((c) => c.field === 'seo');
  return {
    documentId: row.document_id as string,
    title: row.title as string,
    slug: row.slug as string,
    excerpt: row.excerpt as string,
    coverAlt: (row.cover_alt as string | null) ?? null,
    firstPublishedAt: isoDateTime(row.first_published_at),
    updatedAt: requiredIsoDateTime(row.updated_at, 'articles.updated_at'),
    contentUpdatedAt: isoDateTime(row.content_updated_at),
    lastReviewedAt: isoDate(row.last_reviewed_at),
    cover: json<RawMedia>(row.cover),
    author: json<RawAuthorRef>(row.author),
    reviewer: json<RawAuthorRef>(row.reviewer),
    topics: json<RawTopicRef[]>(row.topics) ?? [],
    body: components
      .filter((c) => c.field === 'body')
      .map((c) => withId(c, { __component: c.__component }) as RawBodyComponent),
    references: components.filter((c) => c.field === 'references').map((c) => withId(c) as RawReference),
    // SQLite stores booleans as 0/1.
    seo: seo?.data
      ? { ...(withId(seo) as RawSeo), noindex: seo.data.noindex === null ? null : Boolean(seo.data.noindex) }
      : null,
    // Not an article attribute (the REST find has no such field): records of api::article-history.
    history: (json<StoredHistoryEntry[]>(row.history) ?? []).map((entry) => ({
      ...entry,
      occurredAt: requiredIsoDateTime(entry.occurredAt, 'article_history.occurred_at'),
    })),
  };
};

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async bySlug(slug: string): Promise<RawArticle | null> {
    const dialect: Dialect = strapi.db.dialect.client === 'postgres' ? 'postgres' : 'sqlite';
    // knex.raw returns the driver's result: PostgreSQL's has `rows`, SQLite's is the rows.
    const result = await withConnection(strapi, (knex) => knex.raw<{ rows: Row[] } | Row[]>(SQL[dialect], [slug]));
    const row = Array.isArray(result) ? result[0] : result.rows[0];
    return row ? toPage(row) : null;
  },
});
