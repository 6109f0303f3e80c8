/** What happened to each source item, and the run's totals. */
export type ItemStatus = 'created' | 'updated' | 'unchanged' | 'skipped' | 'failed';

export type ItemResult = {
  sourceKey: string;
  status: ItemStatus;
  /** The article's path on the site, when it has one. */
  path?: string;
  documentId?: string;
  /** Why it failed or was skipped. */
  reason?: string;
  warnings: string[];
};

export type RunReport = {
  dryRun: boolean;
  items: ItemResult[];
  totals: Record<ItemStatus, number>;
  /** Items whose links were rewritten after their targets were imported later in the run. */
  relinked: number;
  seconds: number;
};

export const emptyTotals = (): Record<ItemStatus, number> => ({
  created: 0,
  updated: 0,
  unchanged: 0,
  skipped: 0,
  failed: 0,
});

/** One line per item, for the log and for non-terminal output. */
export const itemLine = (item: ItemResult, dryRun: boolean) => {
  const status =
    dryRun && (item.status === 'created' || item.status === 'updated') ? `would be ${item.status}` : item.status;
  const parts = [status.padEnd(9), item.sourceKey];
  if (item.path) parts.push(`-> ${item.path}`);
  if (item.reason) parts.push(`: ${item.reason}`);
  const lines = [parts.join(' ')];
  for (const warning of item.warnings) lines.push(`  warning: ${warning}`);
  return lines.join('\n');
};

export const summaryLine = (report: RunReport) => {
  const t = report.totals;
  const prefix = report.dryRun ? 'Dry run (nothing written): ' : '';
  return `${prefix}${String(t.created)} created, ${String(t.updated)} updated, ${String(t.unchanged)} unchanged, ${String(t.skipped)} skipped, ${String(t.failed)} failed in ${report.seconds.toFixed(1)} s`;
};
