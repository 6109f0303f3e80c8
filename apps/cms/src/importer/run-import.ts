/**
 * The run loop: reads the source one entry at a time, writes each (or says what it would write),
 * reports every item, and at the end rewrites links of articles whose targets came later in the
 * stream. A failing item is reported and the run goes on. The site is told once, at the end.
 */
import type { Core } from '@strapi/strapi';

import { notifySite } from '../document-middlewares/notify-site';
import { withoutSiteNotifications } from '../outbox/seeding';
import { articleRecords } from './import-records';
import { LinkMap } from './links';
import { MediaLibrary } from './media';
import type { Progress } from './progress';
import { emptyTotals, itemLine, type ItemResult, type RunReport } from './report';
import type { RunState } from './run-state';
import type { SourceArticle, SourceEntry } from './source-article';
import { writeArticle, type WriteOptions } from './writer';

export type RunOptions = WriteOptions & { limit?: number; state?: RunState; progress: Progress };

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
  const items: ItemResult[] = [];
  // Articles with links to targets not imported yet, kept to write once more at the end.
  const unresolved: Array<{ article: SourceArticle; warnings: string[]; item: ItemResult }> = [];
  const report = (item: ItemResult) => {
    items.push(item);
    options.progress.item(itemLine(item, options.dryRun));
    if (!options.dryRun && item.status !== 'failed') options.state?.finished(item.sourceKey);
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
    try {
      const { result, pending } = await quietly(() => writeArticle(ctx, article, entry.warnings, options));
      if (pending.length > 0) unresolved.push({ article, warnings: entry.warnings, item: result });
      report(result);
    } catch (error) {
      report({ sourceKey: article.sourceKey, status: 'failed', reason: errorText(error), warnings: entry.warnings });
    }
  }

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
