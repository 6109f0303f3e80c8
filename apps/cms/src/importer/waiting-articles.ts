/**
 * Articles held back until the articles they link to are written. An article written before its
 * link targets has to be written and published a second time once they exist (the relinking
 * pass); holding it until its targets are in the run's LinkMap writes it once, with every link
 * rewritten and every rail item pointing at its target. Which links will lead to an article of
 * this run is known from a first reading of the source (`plannedKeys`: the link keys of every
 * article in it), so a link to a page that is not imported holds nothing.
 *
 * Articles linking to each other cannot all wait: one whose missing targets are all held
 * themselves is written at once (its links to them are relinked at the end, as before), which
 * releases the others. So only articles waiting for one later in the source are held, and memory
 * stays bounded by how far ahead the source links.
 */
import { candidateKeys, LinkMap, linkKeysOf, unresolvedLinks } from './links';
import type { SourceArticle, SourceEntry } from './source-article';

export type WaitingArticle = { article: SourceArticle; warnings: string[]; position: number };

export class WaitingArticles {
  /** Key of a missing target -> the held articles waiting for it. */
  private readonly byKey = new Map<string, Set<WaitingArticle>>();
  /** Each held article and the keys it waits for. */
  private readonly held = new Map<WaitingArticle, string[]>();
  /** Link key of a held article -> how many held articles have it. */
  private readonly heldKeys = new Map<string, number>();

  constructor(
    private readonly links: LinkMap,
    private readonly plannedKeys: ReadonlySet<string>,
  ) {}

  /** Holds `entry` if it waits for an article later in the source; false when it is to be written now. */
  hold(entry: WaitingArticle): boolean {
    const keys = this.missingKeys(entry.article);
    if (keys.length === 0 || !this.waitsForLater(keys)) return false;
    this.held.set(entry, keys);
    for (const key of keys) {
      const waiting = this.byKey.get(key) ?? new Set<WaitingArticle>();
      waiting.add(entry);
      this.byKey.set(key, waiting);
    }
    for (const key of linkKeysOf(entry.article)) this.heldKeys.set(key, (this.heldKeys.get(key) ?? 0) + 1);
    return true;
  }

  /** The held articles to write now that `keys` lead to a written article, in source order. */
  release(keys: readonly string[]): WaitingArticle[] {
    const candidates = new Set<WaitingArticle>();
    for (const key of keys) {
      for (const entry of this.byKey.get(key) ?? []) candidates.add(entry);
    }
    const ready: WaitingArticle[] = [];
    for (const entry of [...candidates].sort((a, b) => a.position - b.position)) {
      this.forget(entry);
      const missing = this.missingKeys(entry.article);
      if (missing.length > 0 && this.waitsForLater(missing)) this.hold(entry);
      else ready.push(entry);
    }
    return ready;
  }

  /** Everything still held (its targets failed or never came), in source order; the room is emptied. */
  drain(): WaitingArticle[] {
    const rest = [...this.held.keys()].sort((a, b) => a.position - b.position);
    for (const entry of rest) this.forget(entry);
    return rest;
  }

  /** The planned keys of the article's links that lead to no written article yet (its own left out). */
  private missingKeys(article: SourceArticle): string[] {
    const own = new Set(linkKeysOf(article));
    const keys = unresolvedLinks(this.links, article).flatMap((url) => candidateKeys(url, article.sourceUrls));
    return [...new Set(keys)].filter((key) => this.plannedKeys.has(key) && !own.has(key));
  }

  /** Whether some missing target is not held itself (so it comes later); else they wait for each other. */
  private waitsForLater(missing: string[]): boolean {
    return missing.some((key) => !this.heldKeys.has(key));
  }

  private forget(entry: WaitingArticle) {
    for (const key of this.held.get(entry) ?? []) {
      const waiting = this.byKey.get(key);
      if (waiting?.delete(entry) && waiting.size === 0) this.byKey.delete(key);
    }
    if (!this.held.delete(entry)) return;
    for (const key of linkKeysOf(entry.article)) {
      const count = (this.heldKeys.get(key) ?? 1) - 1;
      if (count > 0) this.heldKeys.set(key, count);
      else this.heldKeys.delete(key);
    }
  }
}

/** The link keys of every article among the first `limit` entries of a first reading of the source. */
export const plannedLinkKeys = async (entries: AsyncIterable<SourceEntry>, limit?: number): Promise<Set<string>> => {
  const keys = new Set<string>();
  let seen = 0;
  for await (const entry of entries) {
    if (limit !== undefined && seen >= limit) break;
    seen++;
    if (entry.ok) for (const key of linkKeysOf(entry.article)) keys.add(key);
  }
  return keys;
};
