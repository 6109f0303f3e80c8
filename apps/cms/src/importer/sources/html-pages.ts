/** Placeholder until the HTML pages source lands (built by another branch with this export). */
import type { SourceEntry } from '../source-article';

// eslint-disable-next-line @typescript-eslint/require-await -- the real source is an async generator
export async function* readHtmlPages(inputs: string[]): AsyncIterable<SourceEntry> {
  throw new Error(`HTML page import is not built yet (${inputs.join(', ')})`);
}
