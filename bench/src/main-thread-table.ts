/** The main-thread probe's figures as a Markdown table, with each page's ratios to a reference page. */
import { ratioToFloor, type MainThreadFigures, type MainThreadSample } from './probes/main-thread';

export type LabelledFigures = { label: string; figures: MainThreadFigures };

const ms = (v: number) => v.toFixed(0);
const x = (v: number) => `${v.toFixed(2)}x`;
const both = (f: MainThreadFigures, key: keyof MainThreadSample) => `${ms(f.min[key])} / ${ms(f.median[key])}`;

/**
 * One row per page: min / median of each counter, then the ratios of the minimums to the page
 * labelled `reference` (blank when no page has that label: a floor that could not be measured).
 */
export function mainThreadTable(pages: LabelledFigures[], reference: string): string {
  const base = pages.find((p) => p.label === reference);
  const head = [
    'page',
    'loads',
    'tasks ms (min / median)',
    'script ms',
    'layout ms',
    'style ms',
    'DOM nodes',
    `tasks / ${reference}`,
    `script / ${reference}`,
    `layout / ${reference}`,
  ];
  const rows = pages.map(({ label, figures }) => {
    const ratio = base ? ratioToFloor(figures, base.figures) : null;
    const of = (key: keyof MainThreadSample) => (ratio ? x(ratio[key]) : '');
    return [
      label,
      String(figures.loads),
      both(figures, 'taskMs'),
      both(figures, 'scriptMs'),
      both(figures, 'layoutMs'),
      both(figures, 'recalcStyleMs'),
      both(figures, 'nodes'),
      of('taskMs'),
      of('scriptMs'),
      of('layoutMs'),
    ];
  });
  return [
    `| ${head.join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}
