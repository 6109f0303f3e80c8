/**
 * The run loop: reads the source one entry at a time, writes each (or says what it would write),
 * reports every item, and at the end rewrites links of articles whose targets came later in the
 * stream. A failing item is reported and the run goes on. The site is told once, at the end.
 */
import type { Core } from '@strapi/strapi';

import { notifySite } from '../document-middlewares/notify-site';
import { withoutSiteNotifications } from '../outbox/seeding';
import { articleRecords } from './import-records';
import { LinkMap, linkKeysOf } from './links';
import { MediaLibrary } from './media';
import type { Progress } from './progress';
import { emptyTotals, itemLine, type ItemResult, type RunReport } from './report';
import type { RunState } from './run-state';
import type { SourceArticle, SourceEntry } from './source-article';
import { plannedLinkKeys, WaitingArticles, type WaitingArticle } from './waiting-articles';
import { writeArticle, type WriteOptions } from './writer';

export type RunOptions = WriteOptions & {
  limit?: number;
  state?: RunState;
  progress: Progress;
  /** A second reading of the source, from its start: lets articles wait for the ones they link to. */
  plan?: AsyncIterable<SourceEntry>;
};

type ValidationDetails = { details?: { errors?: Array<{ path?: unknown[]; message?: string }> } };

/** An error as one line, with the field paths the CMS's validation names. */
export const errorText = (error: unknown) => {
  if (!(error instanceof Error)) return String(error);
  const fields = ((error as Error & ValidationDetails).details?.errors ?? [])
    .map((e) => `${(e.path ?? []).join('.')}: ${e.message ?? ''}`)
    .filter((text) => !error.message.includes(text));
  return [error.message, ...fields].join('; ');
};

/**
 * Each write notifies nobody (one notification per write would make the site re-render and purge
 * the edge thousands of times); the site hears once per model at the end instead.
 */
const quietly = <T>(work: () => Promise<T>): Promise<T> => withoutSiteNotifications(work);

/** Every article page, listing, author, topic and redirect the import may have changed. */
const notifySiteOfImport = async (strapi: Core.Strapi) => {
  const all = { action: 'import', documentId: null, slugs: [], referencedBy: [], referencedByOverflow: true };
  for (const model of ['article', 'author', 'topic', 'redirect'] as const) await notifySite(strapi, { model, ...all });
};

export const runImport = async (
  strapi: Core.Strapi,
  entries: AsyncIterable<SourceEntry>,
  options: RunOptions,
): Promise<RunReport> => {
  const started = Date.now();
  const links = new LinkMap();
  for (const record of await articleRecords(strapi)) {
    if (record.slug) links.add(record.linkKeys ?? [], { documentId: record.targetDocumentId, slug: record.slug });
  }
  const ctx = { strapi, links, media: new MediaLibrary(strapi) };
  // Kept in source order whatever order the items are written in.
  const items: ItemResult[] = [];
  // Articles with links to targets not imported yet, kept to write once more at the end.
  const unresolved: Array<{ article: SourceArticle; warnings: string[]; item: ItemResult }> = [];
  const report = (item: ItemResult, position = items.length) => {
    items[position] = item;
    options.progress.item(itemLine(item, options.dryRun));
    if (!options.dryRun && item.status !== 'failed') options.state?.finished(item.sourceKey);
  };
  // A dry run links nothing, so nothing it held would ever be released: it writes in source order.
  const waiting =
    options.plan && !options.dryRun
      ? new WaitingArticles(links, await plannedLinkKeys(options.plan, options.limit))
      : null;

  const write = async ({ article, warnings, position }: WaitingArticle): Promise<readonly string[]> => {
    try {
      const { result, pending } = await quietly(() => writeArticle(ctx, article, warnings, options));
      if (pending.length > 0) unresolved.push({ article, warnings, item: result });
      report(result, position);
      return result.path ? [...linkKeysOf(article), result.path] : [];
    } catch (error) {
      report({ sourceKey: article.sourceKey, status: 'failed', reason: errorText(error), warnings }, position);
      return [];
    }
  };
  /** Writes `entry`, then every held article that the keys it added complete, and so on. */
  const writeAndRelease = async (entry: WaitingArticle) => {
    const queue = [entry];
    for (let next = queue.shift(); next; next = queue.shift()) {
      const added = await write(next);
      if (waiting && added.length > 0) queue.push(...waiting.release(added));
    }
  };

  let seen = 0;
  for await (const entry of entries) {
    if (options.limit !== undefined && seen >= options.limit) break;
    seen++;
    if (!entry.ok) {
      report({ sourceKey: entry.sourceKey, status: 'failed', reason: entry.error, warnings: [] });
      continue;
    }
    const { article } = entry;
    if (options.state?.done.has(article.sourceKey)) {
      report({ sourceKey: article.sourceKey, status: 'skipped', reason: 'done before the interruption', warnings: [] });
      continue;
    }
    const held: WaitingArticle = { article, warnings: entry.warnings, position: items.length };
    // Its slot in the report, filled when it is written.
    items.push({ sourceKey: article.sourceKey, status: 'skipped', reason: 'not written', warnings: [] });
    if (waiting?.hold(held)) continue;
    await writeAndRelease(held);
  }
  // Links to pages not imported, or articles linking to each other: written now, relinked below.
  for (const held of waiting?.drain() ?? []) await writeAndRelease(held);

  let relinked = 0;
  for (const { article, warnings, item } of unresolved) {
    try {
      const { result } = await quietly(() => writeArticle(ctx, article, warnings, options));
      if (result.status !== 'updated') continue;
      relinked++;
      // A new item stays "created"; its warnings are the final write's (a link now resolved).
      if (item.status === 'unchanged') item.status = 'updated';
      const created = item.warnings.filter((w) => w.startsWith('created '));
      item.warnings = [...new Set([...created, ...result.warnings])];
      if (result.path) item.path = result.path;
    } catch (error) {
      options.progress.line(`relinking ${article.sourceKey} failed: ${errorText(error)}`);
    }
  }
  if (relinked > 0) options.progress.line(`${String(relinked)} articles relinked to articles imported after them`);
  options.progress.done();

  const totals = emptyTotals();
  for (const item of items) totals[item.status]++;
  if (!options.dryRun && totals.created + totals.updated > 0) await notifySiteOfImport(strapi);
  return { dryRun: options.dryRun, items, totals, relinked, seconds: (Date.now() - started) / 1000 };
};
