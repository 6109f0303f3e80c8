/**
 * The main-thread probe (probes/main-thread.ts) on pages of your choosing, outside a bench run: for
 * an A/B of a change (two site builds side by side) or a quick look at a page against the floor.
 * The pages take turns; the first one is the reference every ratio is taken against.
 *
 *   pnpm --filter @nourish/bench main-thread [--loads=7] floor=http://127.0.0.1:3110/ article=http://127.0.0.1:3100/articles/x ...
 */
import { measureMainThread } from './probes/main-thread';
import { mainThreadTable } from './main-thread-table';

const args = process.argv.slice(2);
const loads = Number(args.find((a) => a.startsWith('--loads='))?.split('=')[1] ?? 7);
const pages = args
  .filter((a) => !a.startsWith('--'))
  .map((a) => {
    const at = a.indexOf('=');
    if (at < 1) throw new Error(`pages are given as label=url, got "${a}"`);
    return { label: a.slice(0, at), url: a.slice(at + 1) };
  });
if (pages.length === 0) throw new Error('no pages: give label=url pairs, the reference first');

const main = async () => {
  const started = performance.now();
  const figures = await measureMainThread(
    pages.map((p) => p.url),
    { loads },
  );
  console.log(
    mainThreadTable(
      figures.map((f, n) => ({ label: pages[n].label, figures: f })),
      pages[0].label,
    ),
  );
  console.log(`\n${String(loads)} loads per page in ${((performance.now() - started) / 1000).toFixed(0)} s`);
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
