/** Placeholder until the HTML pages source lands (built on another branch with this export). */
import type { SourceEntry } from '../source-article';

export const readHtmlPages = (inputs: string[]): AsyncIterable<SourceEntry> => ({
  [Symbol.asyncIterator]: () => {
    throw new Error(`HTML page import is not built yet (${inputs.join(', ')})`);
  },
});
