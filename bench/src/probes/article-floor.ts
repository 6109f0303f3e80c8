/**
 * The floor for the article call, written independently of the product's read model
 * (apps/cms/src/api/article/services/article-page.ts builds the page in one statement with the
 * database's JSON functions). Here every relation is its own plain SELECT over Strapi's tables,
 * with no JSON functions, and the page is assembled in JS. Queries that do not depend on each
 * other run at the same time, so the floor costs three round trips, whatever the page holds.
 *
 * checkArticleFloor() compares what this returns with what the product answers for the same
 * articles and throws on the first difference: a floor that fetched less could not be a floor.
 */
import assert from 'node:assert/strict';

import type { Knex } from 'knex';

import type { Dialect } from './floor-queries';

type Row = Record<string, unknown>;
type Media = { url: string; width: number | null; height: number | null; alternativeText: string | null };

/** The page's components, by Strapi's component uid: the table and the fields the page shows. */
const COMPONENTS: Record<
  string,
  { table: string; fields: Record<string, string>; json?: string[]; booleans?: string[] }
> = {
  'content.rich-text': { table: 'components_content_rich_texts', fields: { body: 'body' }, json: ['body'] },
  'content.callout': {
    table: 'components_content_callouts',
    fields: { variant: 'variant', title: 'title', body: 'body' },
  },
  'content.pull-quote': {
    table: 'components_content_pull_quotes',
    fields: { quote: 'quote', attribution: 'attribution' },
  },
  'content.key-takeaways': { table: 'components_content_key_takeaways', fields: { title: 'title' } },
  'content.figure': {
    table: 'components_content_figures',
    fields: { alt: 'alt', caption: 'caption', credit: 'credit' },
  },
  'shared.reference': {
    table: 'components_shared_references',
    fields: { title: 'title', publisher: 'publisher', year: 'year', url: 'url', doi: 'doi' },
  },
  'shared.seo': {
    table: 'components_shared_seos',
    fields: {
      metaTitle: 'meta_title',
      metaDescription: 'meta_description',
      canonicalUrl: 'canonical_url',
      noindex: 'noindex',
    },
    booleans: ['noindex'],
  },
};
/** Media fields of the page, by the owner's type: [field in the database, key in the page]. */
const MEDIA_OF: Record<string, [string, string]> = {
  'api::author.author': ['avatar', 'avatar'],
  'content.figure': ['image', 'image'],
  'shared.seo': ['shareImage', 'shareImage'],
};

// SQLite returns datetimes as epoch milliseconds, JSON as text and booleans as 0/1.
const dateTime = (v: unknown) =>
  v === null || v === undefined
    ? null
    : new Date(typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : (v as string | number | Date)).toISOString();
const calendarDate = (v: unknown) => {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number') return String(v).slice(0, 10);
  if (!(v instanceof Date)) throw new Error(`Not a date from the database: ${JSON.stringify(v)}`);
  // node-postgres reads a `date` as local midnight.
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${v.getFullYear()}-${pad(v.getMonth() + 1)}-${pad(v.getDate())}`;
};
const parsed = (v: unknown) => (typeof v === 'string' ? (JSON.parse(v) as unknown) : v);
const bool = (v: unknown) => (v === null || v === undefined ? null : Boolean(v));

const mediaOf = (row: Row | undefined): Media | null =>
  row
    ? {
        url: row.url as string,
        width: (row.width as number | null) ?? null,
        height: (row.height as number | null) ?? null,
        alternativeText: (row.alternative_text as string | null) ?? null,
      }
    : null;

// A relation with nothing to look up costs no query.
const NONE = Promise.resolve([] as Row[]);

const mediaQuery = (knex: Knex, relatedType: string, ids: number[], field: string) =>
  ids.length === 0
    ? NONE
    : (knex('files_related_mph as m')
        .join('files as f', 'f.id', 'm.file_id')
        .where({ 'm.related_type': relatedType, 'm.field': field })
        .whereIn('m.related_id', ids)
        .orderBy([{ column: 'm.related_id' }, { column: 'm.order' }])
        .select('m.related_id', 'f.url', 'f.width', 'f.height', 'f.alternative_text') as Promise<Row[]>);

/** The first file of each owner (ordered by the link's order), keyed by the owner's id. */
const firstByOwner = (rows: Row[]) => {
  const byOwner = new Map<number, Media>();
  for (const row of rows) if (!byOwner.has(Number(row.related_id))) byOwner.set(Number(row.related_id), mediaOf(row)!);
  return byOwner;
};

const personQuery = (knex: Knex, link: string, articleId: number) =>
  knex(`${link} as l`)
    .join('authors as p', 'p.id', 'l.author_id')
    .where('l.article_id', articleId)
    .orderBy('l.id')
    .first('p.id', 'p.name', 'p.slug', 'p.credentials', 'p.role_title') as Promise<Row | undefined>;

/** The article page's data for one published article, or null. */
export async function articleFloor(knex: Knex, slug: string) {
  // 1. The article.
  const article = await knex('articles')
    .where({ slug })
    .whereNotNull('published_at')
    .orderBy('id')
    .first<Row | undefined>(
      'id',
      'document_id',
      'title',
      'slug',
      'excerpt',
      'cover_alt',
      'first_published_at',
      'updated_at',
      'content_updated_at',
      'last_reviewed_at',
    );
  if (!article) return null;
  const id = Number(article.id);

  // 2. Its relations, each a query of its own.
  const [cover, author, reviewer, topics, components, history] = await Promise.all([
    mediaQuery(knex, 'api::article.article', [id], 'cover'),
    personQuery(knex, 'articles_author_lnk', id),
    personQuery(knex, 'articles_reviewer_lnk', id),
    knex('articles_topics_lnk as l')
      .join('topics as t', 't.id', 'l.topic_id')
      .where('l.article_id', id)
      .orderBy([{ column: 'l.topic_ord' }, { column: 'l.id' }])
      .select('t.name', 't.slug') as Promise<Row[]>,
    knex('articles_cmps')
      .where('entity_id', id)
      .whereIn('field', ['body', 'references', 'seo'])
      .orderBy([{ column: 'field' }, { column: 'order' }])
      .select('field', 'component_type', 'cmp_id') as Promise<Row[]>,
    // The history readers see (article-history records), newest first, with the reviewer's name.
    knex('article_history as h')
      .leftJoin('article_history_reviewer_lnk as l', 'l.article_history_id', 'h.id')
      .leftJoin('authors as p', 'p.id', 'l.author_id')
      .where('h.article_document_id', article.document_id as string)
      // A bare boolean column: true on PostgreSQL, 1 on SQLite.
      .whereRaw('h.show_to_readers')
      .orderBy([
        { column: 'h.occurred_at', order: 'desc' },
        { column: 'h.id', order: 'desc' },
      ])
      .select('h.kind', 'h.occurred_at', 'h.note', 'p.name', 'p.slug', 'p.credentials') as Promise<Row[]>,
  ]);

  // 3. The components' rows (one query per component type present), takeaway items and media.
  const idsOf = (type: string) => components.filter((c) => c.component_type === type).map((c) => Number(c.cmp_id));
  const people = [author, reviewer].filter((p) => p !== undefined).map((p) => Number(p.id));
  const types = [...new Set(components.map((c) => c.component_type as string))].filter((t) => t in COMPONENTS);
  const [rows, items, avatars, images, shareImages] = await Promise.all([
    Promise.all(
      types.map(
        async (type) =>
          [
            type,
            await knex(COMPONENTS[type].table)
              .whereIn('id', idsOf(type))
              .select<Row[]>('id', ...Object.values(COMPONENTS[type].fields)),
          ] as const,
      ),
    ),
    idsOf('content.key-takeaways').length === 0
      ? NONE
      : (knex('components_content_key_takeaways_cmps as kc')
          .join('components_content_takeaways as tk', 'tk.id', 'kc.cmp_id')
          .where('kc.field', 'items')
          .whereIn('kc.entity_id', idsOf('content.key-takeaways'))
          .orderBy([{ column: 'kc.entity_id' }, { column: 'kc.order' }])
          .select('kc.entity_id', 'tk.text') as Promise<Row[]>),
    mediaQuery(knex, 'api::author.author', people, MEDIA_OF['api::author.author'][0]),
    mediaQuery(knex, 'content.figure', idsOf('content.figure'), MEDIA_OF['content.figure'][0]),
    mediaQuery(knex, 'shared.seo', idsOf('shared.seo'), MEDIA_OF['shared.seo'][0]),
  ]);

  // Assembly.
  const media: Record<string, Map<number, Media>> = {
    'api::author.author': firstByOwner(avatars),
    'content.figure': firstByOwner(images),
    'shared.seo': firstByOwner(shareImages),
  };
  const rowOf = new Map(rows.flatMap(([type, list]) => list.map((r) => [`${type}:${Number(r.id)}`, r] as const)));
  const component = (type: string, cmpId: number) => {
    const spec = COMPONENTS[type];
    const row = spec && rowOf.get(`${type}:${cmpId}`);
    if (!row) return null;
    const out: Record<string, unknown> = { id: cmpId };
    for (const [key, column] of Object.entries(spec.fields)) {
      out[key] = spec.json?.includes(key)
        ? parsed(row[column])
        : spec.booleans?.includes(key)
          ? bool(row[column])
          : row[column];
    }
    if (type === 'content.key-takeaways')
      out.items = items.filter((i) => Number(i.entity_id) === cmpId).map((i) => ({ text: i.text }));
    if (type in MEDIA_OF) out[MEDIA_OF[type][1]] = media[type].get(cmpId) ?? null;
    return out;
  };
  const person = (p: Row | undefined) =>
    p
      ? {
          name: p.name,
          slug: p.slug,
          credentials: p.credentials,
          roleTitle: p.role_title,
          avatar: media['api::author.author'].get(Number(p.id)) ?? null,
        }
      : null;
  const inField = (field: string) =>
    components
      .filter((c) => c.field === field)
      .map((c) => ({ type: c.component_type as string, data: component(c.component_type as string, Number(c.cmp_id)) }))
      .filter((c) => c.data !== null);

  return {
    documentId: article.document_id as string,
    title: article.title as string,
    slug: article.slug as string,
    excerpt: article.excerpt as string,
    coverAlt: (article.cover_alt as string | null) ?? null,
    firstPublishedAt: dateTime(article.first_published_at),
    updatedAt: dateTime(article.updated_at),
    contentUpdatedAt: dateTime(article.content_updated_at),
    lastReviewedAt: calendarDate(article.last_reviewed_at),
    cover: mediaOf(cover[0]),
    author: person(author),
    reviewer: person(reviewer),
    topics: topics.map((t) => ({ name: t.name, slug: t.slug })),
    body: inField('body').map((c) => ({ __component: c.type, ...c.data })),
    references: inField('references').map((c) => c.data),
    seo: inField('seo')[0]?.data ?? null,
    history: history.map((h) => ({
      kind: h.kind,
      occurredAt: dateTime(h.occurred_at),
      note: h.note,
      reviewer: h.slug === null ? null : { name: h.name, slug: h.slug, credentials: h.credentials },
    })),
  };
}

/**
 * Fetches each article from the product (the site's call) and from the floor, and throws on the
 * first that differs, naming the article and the difference. Returns how many were compared.
 */
export async function checkArticleFloor(options: {
  cmsUrl: string;
  productPath: (slug: string) => string;
  knex: Knex;
  dialect: Dialect;
  slugs: string[];
}) {
  for (const slug of options.slugs) {
    const res = await fetch(options.cmsUrl + options.productPath(slug));
    if (!res.ok) throw new Error(`the article floor check: the product answered HTTP ${res.status} for ${slug}`);
    const product = ((await res.json()) as { data: unknown }).data;
    const floor = await articleFloor(options.knex, slug);
    try {
      // Through JSON, as the product's answer went: a Date or undefined cannot pass for its JSON form.
      assert.deepStrictEqual(JSON.parse(JSON.stringify(floor)), product);
    } catch (error) {
      const diff = error instanceof Error ? error.message.slice(0, 3000) : String(error);
      throw new Error(
        `the article floor (${options.dialect}) does not return the product's data for "${slug}": not a floor for this call.\n${diff}`,
      );
    }
  }
  return options.slugs.length;
}
