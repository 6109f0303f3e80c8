/**
 * `pnpm run import <source> [--dry-run] [--publish] [--limit N] [--resume] [--report <file.json>] [--media-dir <dir>]`
 *
 * Loads the built CMS in this process (as `strapi import` does: no HTTP listener, no cron jobs, so
 * it can run next to a live CMS on the same database; the live one delivers the site
 * notifications the import queues in the outbox) and writes through the Document Service.
 * Exit code: 0 when every item went through, 2 when some failed, 1 when the run could not start.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

import { createStrapi } from '@strapi/strapi';

import { drainOwnDeliveries } from './outbox-drain';
import { Progress } from './progress';
import { summaryLine, type RunReport } from './report';
import { runImport } from './run-import';
import { RunState } from './run-state';
import { openSource } from './source-kind';

const APP_DIR = path.resolve(__dirname, '..', '..');
const USAGE =
  'Usage: pnpm run import <source> [--dry-run] [--publish] [--limit N] [--resume] [--report <file.json>] [--media-dir <wp-content/uploads>]';

const parse = () => {
  const { values, positionals } = parseArgs({
    args: process.argv.slice(2).filter((a) => a !== '--'),
    allowPositionals: true,
    options: {
      'dry-run': { type: 'boolean', default: false },
      publish: { type: 'boolean', default: false },
      limit: { type: 'string' },
      resume: { type: 'boolean', default: false },
      report: { type: 'string' },
      'media-dir': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help || positionals.length !== 1) {
    console.error(USAGE);
    process.exit(values.help ? 0 : 1);
  }
  const limit = values.limit === undefined ? undefined : Number(values.limit);
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 1)) {
    console.error(`--limit must be a positive whole number, got ${String(values.limit)}`);
    process.exit(1);
  }
  // pnpm runs the script in apps/cms; a relative source is relative to where the user typed it.
  const base = process.env.INIT_CWD ?? process.cwd();
  const input = /^https?:\/\//i.test(positionals[0] ?? '')
    ? (positionals[0] ?? '')
    : path.resolve(base, positionals[0] ?? '');
  return {
    input,
    dryRun: values['dry-run'],
    publish: values.publish,
    limit,
    resume: values.resume,
    reportFile: values.report ? path.resolve(base, values.report) : undefined,
    mediaDir: values['media-dir'] ? path.resolve(base, values['media-dir']) : undefined,
  };
};

const databaseIdentity = () =>
  process.env.DATABASE_URL ||
  `${process.env.DATABASE_CLIENT ?? 'sqlite'}:${process.env.DATABASE_FILENAME ?? '.tmp/data.db'}`;

const main = async () => {
  const args = parse();
  const source = await openSource(args.input, { mediaDir: args.mediaDir });
  // An importer never runs the CMS's scheduled jobs (the running CMS does) nor seeds demo content.
  process.env.CRON_ENABLED = 'false';
  process.env.SEED_DEMO_CONTENT = 'false';
  const strapi = createStrapi({ appDir: APP_DIR, distDir: path.join(APP_DIR, 'dist') });
  // The CMS's own warnings (a site notification that failed) would break the progress line; the
  // run ends by saying what the outbox still holds. IMPORT_LOG_LEVEL=warn shows them.
  strapi.log.level = process.env.IMPORT_LOG_LEVEL ?? 'error';
  await strapi.load();
  let report: RunReport;
  let undelivered = 0;
  try {
    const state = args.dryRun
      ? undefined
      : RunState.open(path.join(APP_DIR, '.tmp', 'import-runs'), args.input, databaseIdentity(), args.resume);
    const total = source.total === undefined ? undefined : Math.min(source.total, args.limit ?? source.total);
    const progress = new Progress(process.stdout, total);
    report = await runImport(strapi, source.entries, { ...args, state, progress, plan: source.reread?.() });
    state?.close();
  } finally {
    undelivered = await drainOwnDeliveries(strapi);
    await strapi.destroy();
  }
  console.log(summaryLine(report));
  if (undelivered > 0) {
    console.log(
      `${String(undelivered)} site notifications could not be sent yet: the running CMS retries them (site outbox)`,
    );
  }
  if (args.reportFile) fs.writeFileSync(args.reportFile, `${JSON.stringify(report, null, 2)}\n`);
  process.exit(report.totals.failed > 0 ? 2 : 0);
};

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
