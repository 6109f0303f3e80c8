/**
 * Bulk article generator: grows a CMS database that holds the demo content to `total` articles by
 * cloning the demo articles row by row in SQL batches, the way Strapi itself stores them (a draft
 * and a published row per document, dynamic-zone components with their own rows, link tables and
 * media morphs), so the API serves them exactly as if editors had written them. No HTTP and no
 * document service: 100k articles through the admin API would take hours.
 *
 * Each clone gets its own document id, slug, title and publication date, the template's author,
 * reviewer, topics, references, SEO, both rails and cover, and a body of about 1,500 words: the
 * template's sections followed by the rich text of the next template.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

import type { Knex } from 'knex';

import { articlePlainText } from '../../../apps/cms/src/api/article/services/article-plain-text';

type Row = Record<string, unknown>;
/** The parts of knex's (untyped) client this file uses. */
type KnexClient = { config: { client: string }; wrapIdentifier(value: string): string };
const clientOf = (knex: Knex) => knex.client as KnexClient;

const ARTICLE_UID = 'api::article.article';
const ARTICLES = 'articles';
const MORPH = 'files_related_mph';
const COMPONENTS_DIR = path.resolve(__dirname, '../../../apps/cms/src/components');

/** Component uid -> table, read from the CMS's own component definitions. */
const componentTables = (): Map<string, string> => {
  const tables = new Map<string, string>();
  for (const category of fs.readdirSync(COMPONENTS_DIR)) {
    for (const file of fs.readdirSync(path.join(COMPONENTS_DIR, category))) {
      const { collectionName } = JSON.parse(fs.readFileSync(path.join(COMPONENTS_DIR, category, file), 'utf8')) as {
        collectionName: string;
      };
      tables.set(`${category}.${path.basename(file, '.json')}`, collectionName);
    }
  }
  return tables;
};

/** Strapi's document ids are 24 lowercase letters and digits. */
const documentId = () => {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  return [...randomBytes(24)].map((b) => alphabet[b % alphabet.length]).join('');
};

const TITLE_SUFFIXES = [
  'what the trials show',
  'an evidence update',
  'questions readers ask',
  'what changed in the research',
  'a practical guide',
  'myths and measurements',
  'the numbers explained',
  'for older adults',
  'for athletes',
  'during pregnancy',
];

const group = <T extends Row>(rows: T[], key: string): Map<unknown, T[]> => {
  const map = new Map<unknown, T[]>();
  for (const row of rows) {
    const list = map.get(row[key]) ?? [];
    list.push(row);
    map.set(row[key], list);
  }
  return map;
};

/** Everything a template article is made of, read once into memory (the demo set is small). */
const readTemplates = async (knex: Knex, tables: Map<string, string>) => {
  const all = await knex.raw<{ rows: Array<{ name: string }> } | Array<{ name: string }>>(
    clientOf(knex).config.client === 'pg'
      ? `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema()`
      : `SELECT name FROM sqlite_master WHERE type = 'table'`,
  );
  const names = new Set<string>((Array.isArray(all) ? all : all.rows).map((r) => r.name));
  const owned = [ARTICLES, ...tables.values()];
  const rows = new Map<string, Row[]>();
  const byId = new Map<string, Map<unknown, Row>>();
  const load = async (table: string) => {
    if (!rows.has(table)) {
      const list = (await knex(table).select('*').orderBy('id')) as Row[];
      rows.set(table, list);
      byId.set(table, new Map(list.map((r) => [r.id, r])));
    }
    return rows.get(table)!;
  };
  // Per owner table: its component join table (`_cmps`) and its relation link tables (`_<attr>_lnk`).
  const cmps = new Map<string, Map<unknown, Row[]>>();
  const links = new Map<string, Array<{ table: string; ownerColumn: string; byOwner: Map<unknown, Row[]> }>>();
  for (const table of owned) {
    await load(table);
    if (names.has(`${table}_cmps`)) cmps.set(table, group(await load(`${table}_cmps`), 'entity_id'));
    const lnks = [];
    for (const name of names) {
      const attr = name.slice(table.length + 1, -'_lnk'.length);
      if (!name.startsWith(`${table}_`) || !name.endsWith('_lnk') || attr.includes('_')) continue;
      // Strapi puts the owning side's column first (articles_topics_lnk: article_id, topic_id).
      const ownerColumn = Object.keys(await knex(name).columnInfo()).find((c) => c !== 'id')!;
      lnks.push({ table: name, ownerColumn, byOwner: group(await load(name), ownerColumn) });
    }
    links.set(table, lnks);
  }
  const morphs = group(
    (await load(MORPH)).map((r) => ({ ...r, key: `${String(r.related_type)}:${String(r.related_id)}` })),
    'key',
  );
  return { rows, byId, cmps, links, morphs, names };
};

export type GenerateProgress = (done: number, total: number) => void;

/**
 * Adds published articles (each with its draft) until the database holds `total` of them.
 * Returns how many were added. The search index table is filled in the same batches.
 */
export async function cloneArticles(knex: Knex, total: number, onProgress?: GenerateProgress): Promise<number> {
  const isPg = clientOf(knex).config.client === 'pg';
  const tables = componentTables();
  const uidOfTable = new Map([...tables].map(([uid, table]) => [table, uid]));
  uidOfTable.set(ARTICLES, ARTICLE_UID);
  const t = await readTemplates(knex, tables);

  const articleRows = t.rows.get(ARTICLES)!;
  const published = articleRows.filter((r) => r.published_at !== null);
  const existing = published.length;
  if (existing >= total) return 0;
  const drafts = new Map(articleRows.filter((r) => r.published_at === null).map((r) => [r.document_id, r]));
  const templates = published
    .filter((r) => drafts.has(r.document_id))
    .map((p) => ({ published: p, draft: drafts.get(p.document_id)! }));
  if (templates.length === 0)
    throw new Error('no demo articles to clone: boot the CMS with SEED_DEMO_CONTENT=true first');

  // Next free id per table; ids are assigned here so one batch insert needs no round trips.
  const nextId = new Map<string, number>();
  for (const table of t.names) {
    if (
      table === 'article_search' ||
      !(table === ARTICLES || table === MORPH || table.startsWith('articles_') || table.startsWith('components_'))
    )
      continue;
    const [{ max }] = await knex(table).max<Array<{ max: number | string | null }>>({ max: 'id' });
    nextId.set(table, Number(max ?? 0) + 1);
  }
  const allocate = (table: string) => {
    const id = nextId.get(table);
    if (id === undefined) throw new Error(`no id counter for table ${table}`);
    nextId.set(table, id + 1);
    return id;
  };
  // node-postgres would send JS arrays as PostgreSQL arrays: JSON columns go as JSON text.
  const encode = (row: Row): Row =>
    isPg
      ? Object.fromEntries(
          Object.entries(row).map(([k, v]) => [
            k,
            v !== null && typeof v === 'object' && !(v instanceof Date) ? JSON.stringify(v) : v,
          ]),
        )
      : row;

  let buffers = new Map<string, Row[]>();
  // Component rows are copied unchanged but for their id: the database copies them itself
  // (INSERT ... SELECT), so large bodies never travel through this process or get re-parsed.
  let copies = new Map<string, Array<[number, unknown]>>();
  const emit = (table: string, row: Row) => {
    const list = buffers.get(table) ?? [];
    list.push(row);
    buffers.set(table, list);
  };

  /** Copies one entity or component row with its components, links and media; returns the new id. */
  const cloneRow = (table: string, source: Row, overrides: Row = {}, extraCmps: Row[] = []): number => {
    const id = allocate(table);
    if (table === ARTICLES) emit(table, encode({ ...source, ...overrides, id }));
    else {
      const list = copies.get(table) ?? [];
      list.push([id, source.id]);
      copies.set(table, list);
    }
    const uid = uidOfTable.get(table)!;
    const cmpRows = [...(t.cmps.get(table)?.get(source.id) ?? []), ...extraCmps];
    for (const cmp of cmpRows) {
      const childTable = tables.get(cmp.component_type as string)!;
      const child = t.byId.get(childTable)!.get(cmp.cmp_id);
      if (!child) continue;
      const childId = cloneRow(childTable, child);
      emit(`${table}_cmps`, { ...cmp, id: allocate(`${table}_cmps`), entity_id: id, cmp_id: childId });
    }
    for (const link of t.links.get(table) ?? []) {
      for (const row of link.byOwner.get(source.id) ?? []) {
        emit(link.table, { ...row, id: allocate(link.table), [link.ownerColumn]: id });
      }
    }
    for (const morph of t.morphs.get(`${uid}:${String(source.id)}`) ?? []) {
      const { key: _key, ...row } = morph;
      emit(MORPH, { ...row, id: allocate(MORPH), related_id: id });
    }
    return id;
  };

  // The rich text of the next template, appended after the body's own sections.
  const extraBody = (row: Row, next: Row): Row[] => {
    const own = t.cmps.get(ARTICLES)?.get(row.id) ?? [];
    const lastOrder = Math.max(0, ...own.filter((c) => c.field === 'body').map((c) => Number(c.order)));
    return (t.cmps.get(ARTICLES)?.get(next.id) ?? [])
      .filter((c) => c.field === 'body' && c.component_type === 'content.rich-text')
      .map((c, i) => ({ ...c, order: lastOrder + 1 + i }));
  };

  // Plain text of each template's generated body, for the search index (computed once per template).
  const sectionOf = (cmp: Row): Row | null => {
    const table = tables.get(cmp.component_type as string)!;
    const row = t.byId.get(table)!.get(cmp.cmp_id);
    if (!row) return null;
    const parse = (v: unknown) =>
      typeof v === 'string' && table.endsWith('rich_texts') ? (JSON.parse(v) as unknown) : v;
    const items = (t.cmps.get(table)?.get(row.id) ?? []).map((c) =>
      t.byId.get(tables.get(c.component_type as string)!)!.get(c.cmp_id),
    );
    return { ...row, body: parse(row.body), items };
  };
  const bodyText = templates.map(({ published: p }, i) => {
    const next = templates[(i + 1) % templates.length].published;
    const sections = [...(t.cmps.get(ARTICLES)?.get(p.id) ?? []), ...extraBody(p, next)]
      .filter((c) => c.field === 'body')
      .sort((a, b) => Number(a.order) - Number(b.order))
      .map(sectionOf)
      .filter(Boolean);
    return articlePlainText(sections);
  });
  const bodyVector = isPg
    ? await Promise.all(
        bodyText.map(async (text) => {
          const { rows } = await knex.raw<{ rows: [{ v: string }] }>(
            `SELECT setweight(to_tsvector('english', ?), 'C')::text AS v`,
            [text],
          );
          return rows[0].v;
        }),
      )
    : [];

  const toAdd = total - existing;
  const newest = Math.min(
    ...published.map((r) => new Date(r.first_published_at as string).getTime()).filter(Number.isFinite),
    Date.now(),
  );
  const spanMs = 8 * 365 * 24 * 3600 * 1000; // spread over eight years before the demo content
  const search: Row[] = [];
  const batchSize = 250;

  const flush = async () => {
    const pending = buffers;
    buffers = new Map();
    const pendingCopies = copies;
    copies = new Map();
    const index = search.splice(0);
    await knex.transaction(async (trx) => {
      // Bulk load: the rows are copies of rows that already satisfied every constraint, so skip
      // the foreign-key triggers and the wait for the WAL flush (PostgreSQL superuser only).
      if (isPg) await trx.raw(`SET LOCAL synchronous_commit = off; SET LOCAL session_replication_role = replica`);
      // Components first, then the rows that point at them (entities are emitted before their links).
      for (const [table, pairs] of pendingCopies) {
        const columns = Object.keys(t.rows.get(table)![0]).filter((c) => c !== 'id');
        const select = columns.map((c) => `s.${clientOf(trx).wrapIdentifier(c)}`).join(', ');
        const insert = `INSERT INTO ${table} (id${columns.map((c) => `, ${clientOf(trx).wrapIdentifier(c)}`).join('')})`;
        if (isPg) {
          await trx.raw(
            `${insert} SELECT m.new_id, ${select} FROM unnest(?::int[], ?::int[]) AS m(new_id, src_id) JOIN ${table} s ON s.id = m.src_id`,
            [pairs.map((p) => p[0]), pairs.map((p) => p[1])],
          );
        } else {
          for (let i = 0; i < pairs.length; i += 10000) {
            const slice = pairs.slice(i, i + 10000);
            await trx.raw(
              `WITH m(new_id, src_id) AS (VALUES ${slice.map(() => '(?, ?)').join(', ')}) ${insert} SELECT m.new_id, ${select} FROM m JOIN ${table} s ON s.id = m.src_id`,
              slice.flat() as Array<number>,
            );
          }
        }
      }
      for (const [table, rows] of pending) {
        const columns = Object.keys(rows[0]).length;
        // PostgreSQL takes up to 65,535 bindings; SQLite builds a compound SELECT of at most 500 terms.
        const chunk = Math.max(1, isPg ? Math.floor(60000 / columns) : Math.min(400, Math.floor(30000 / columns)));
        for (let i = 0; i < rows.length; i += chunk) await trx(table).insert(rows.slice(i, i + chunk));
      }
      // The same columns and weights as the CMS's search-index service writes.
      const entries = index.map((row) =>
        isPg
          ? {
              document_id: row.document_id,
              first_published_at: row.first_published_at,
              head: trx.raw(`setweight(to_tsvector('english', ?), 'A') || setweight(to_tsvector('english', ?), 'B')`, [
                row.title as string,
                row.excerpt as string,
              ]),
              tsv: trx.raw(
                `setweight(to_tsvector('english', ?), 'A') || setweight(to_tsvector('english', ?), 'B') || ?::tsvector`,
                [row.title as string, row.excerpt as string, row.vector as string],
              ),
            }
          : { document_id: row.document_id, title: row.title, excerpt: row.excerpt, body: row.body },
      );
      for (let i = 0; i < entries.length; i += 200) await trx('article_search').insert(entries.slice(i, i + 200));
    });
  };

  for (let n = 0; n < toAdd; n++) {
    const k = n % templates.length;
    const { published: p, draft: d } = templates[k];
    const next = templates[(k + 1) % templates.length].published;
    const nextDraft = templates[(k + 1) % templates.length].draft;
    const serial = existing + n + 1;
    const docId = documentId();
    const title = `${String(p.title).slice(0, 100)}: ${TITLE_SUFFIXES[Math.floor(n / templates.length) % TITLE_SUFFIXES.length]} (${serial})`;
    const slug = `${String(p.slug).slice(0, 100)}-${serial}`;
    const at = new Date(newest - Math.round(((n + 1) / toAdd) * spanMs));
    const common = { document_id: docId, title, slug, first_published_at: at, created_at: at, updated_at: at };
    cloneRow(ARTICLES, d, { ...common, published_at: null }, extraBody(d, nextDraft));
    cloneRow(ARTICLES, p, { ...common, published_at: at }, extraBody(p, next));
    search.push({
      document_id: docId,
      first_published_at: at,
      title,
      excerpt: p.excerpt,
      body: bodyText[k],
      vector: bodyVector[k],
    });
    if ((n + 1) % batchSize === 0 || n + 1 === toAdd) {
      await flush();
      onProgress?.(existing + n + 1, total);
    }
  }

  if (isPg) {
    for (const table of nextId.keys()) {
      await knex.raw(`SELECT setval(pg_get_serial_sequence(?, 'id'), (SELECT max(id) FROM ??))`, [table, table]);
    }
    // Without this, autovacuum processes the new rows in the middle of the measurements (a
    // 100k database is several GB) and PostgreSQL sets hint bits on first reads.
    await knex.raw('VACUUM (ANALYZE)');
    // Write the load's dirty pages out now, not in a checkpoint in the middle of the measurements
    // (a suspect for the slow publishes at 100k, docs/performance.md). Needs a superuser.
    await knex.raw('CHECKPOINT').catch((error: unknown) => {
      console.warn(`CHECKPOINT skipped: ${error instanceof Error ? error.message : String(error)}`);
    });
  } else {
    await knex.raw('ANALYZE');
  }
  return toAdd;
}
