/** Placeholder until the WordPress WXR source lands (built on another branch with this export). */
import type { SourceEntry } from '../source-article';

export const readWxr = (file: string): AsyncIterable<SourceEntry> => ({
  [Symbol.asyncIterator]: () => {
    throw new Error(`WordPress WXR import is not built yet (${file})`);
  },
});
