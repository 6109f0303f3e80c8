/** Placeholder until the WordPress WXR source lands (built by another branch with this export). */
import type { SourceEntry } from '../source-article';

// eslint-disable-next-line @typescript-eslint/require-await -- the real source is an async generator
export async function* readWxr(file: string): AsyncIterable<SourceEntry> {
  throw new Error(`WordPress WXR import is not built yet (${file})`);
}
