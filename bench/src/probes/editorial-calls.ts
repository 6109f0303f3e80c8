/**
 * The admin's editorial panels at each size (issue #14: "loads fast at 10k articles, one indexed
 * query"): the reviews-due list on the home page, and the edit view's "Pinned elsewhere" for a
 * random article and for the article most pinned by others (every generated clone copies its
 * template's rails, so a demo article is pinned by hundreds of clones at 10k). Single client, as
 * an editor opens them; SQL statements per request from a counting CMS, like the site's calls.
 */
import type { Knex } from 'knex';

import { adminHeaders, json } from './admin-session';
import { measureSequential, type SequentialResult } from './http-load';

export type EditorialCallId = 'reviews-due' | 'impact' | 'impact-most-pinned';

export type EditorialMeasure = {
  call: EditorialCallId;
  label: string;
  statements: number;
  single: SequentialResult;
  /** Rows the answer listed (the median request's; the lists are the same on every request). */
  rows: number;
};

export type EditorialInputs = { documentIds: string[]; mostPinned: string };

const LABELS: Record<EditorialCallId, string> = {
  'reviews-due': 'Reviews due (admin home page widget)',
  impact: '"Pinned elsewhere" of a random article (edit view)',
  'impact-most-pinned': '"Pinned elsewhere" of the article most pinned by others',
};

const pathOf = (call: EditorialCallId, inputs: EditorialInputs, n: number) =>
  call === 'reviews-due'
    ? '/nourish-editorial/reviews-due'
    : `/nourish-editorial/articles/${call === 'impact' ? inputs.documentIds[n % inputs.documentIds.length] : inputs.mostPinned}/impact`;

const CALLS = Object.keys(LABELS) as EditorialCallId[];

/** Published documents to open, and the one whose id the pick components name most often. */
export async function editorialInputs(knex: Knex): Promise<EditorialInputs> {
  const documentIds = (
    (await knex('articles')
      .whereNotNull('published_at')
      .select('document_id')
      .orderByRaw('random()')
      .limit(50)) as Array<{
      document_id: string;
    }>
  ).map((r) => r.document_id);
  const counts = (await knex
    .select('target_document_id')
    .count({ n: '*' })
    .from(
      knex.raw(
        '(SELECT target_document_id FROM components_related_recommended_items UNION ALL SELECT target_document_id FROM components_related_article_picks) AS picks',
      ),
    )
    .whereNotNull('target_document_id')
    .groupBy('target_document_id')
    .orderBy('n', 'desc')
    .limit(1)) as Array<{ target_document_id: string }>;
  if (documentIds.length === 0 || !counts[0]) throw new Error('editorial calls: no published or pinned article found');
  return { documentIds, mostPinned: counts[0].target_document_id };
}

type Login = { email: string; password: string };

const call = async (cmsUrl: string, headers: Record<string, string>, path: string) => {
  const res = await fetch(cmsUrl + path, { headers });
  const { data } = await json<{ data: unknown[] }>(res);
  return { rows: data.length, statements: Number(res.headers.get('x-sql-statements') ?? NaN) };
};

/** SQL statements per request of each panel (the median of five), from a CMS with SQL_STATEMENT_COUNT=true. */
export async function countEditorialStatements(cmsUrl: string, login: Login, inputs: EditorialInputs) {
  const headers = await adminHeaders(cmsUrl, login.email, login.password);
  const counts = new Map<EditorialCallId, number>();
  for (const id of CALLS) {
    const seen: number[] = [];
    for (let n = 0; n < 5; n++) seen.push((await call(cmsUrl, headers, pathOf(id, inputs, n))).statements);
    const median = seen.sort((a, b) => a - b)[2];
    if (!Number.isFinite(median))
      throw new Error('the CMS reports no x-sql-statements: is SQL_STATEMENT_COUNT=true set?');
    counts.set(id, median);
  }
  return counts;
}

export async function measureEditorialCalls(options: {
  cmsUrl: string;
  login: Login;
  inputs: EditorialInputs;
  statements: Map<EditorialCallId, number>;
  samples: number;
}): Promise<EditorialMeasure[]> {
  const headers = await adminHeaders(options.cmsUrl, options.login.email, options.login.password);
  const results: EditorialMeasure[] = [];
  for (const id of CALLS) {
    let n = 0;
    const rows: number[] = [];
    const single = await measureSequential(async () => {
      rows.push((await call(options.cmsUrl, headers, pathOf(id, options.inputs, n++))).rows);
    }, options.samples);
    results.push({
      call: id,
      label: LABELS[id],
      statements: options.statements.get(id)!,
      single,
      rows: rows.sort((a, b) => a - b)[Math.floor(rows.length / 2)],
    });
  }
  return results;
}
