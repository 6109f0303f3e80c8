/**
 * What every import source (WordPress WXR, HTML pages, Markdown files) produces, and the only
 * thing the writer reads. Sources know their format; the writer knows the CMS. Neither knows the
 * other, so a new source kind is one more producer of `SourceEntry`.
 */
import type { Block } from '../seed/markdown-to-blocks';

/** An image to upload once (deduplicated by content hash): an http(s) URL or an absolute file path. */
export type ImageSource = { src: string; alt: string };

/** A link as the old site had it: absolute URL (internal ones are rewritten by the writer). */
export type SourceLink = { url: string; label: string };

export type SourceBodySection =
  | { kind: 'rich-text'; body: Block[] }
  | { kind: 'callout'; variant: 'note' | 'warning' | 'disclaimer'; body: string }
  | { kind: 'pull-quote'; quote: string; attribution?: string }
  | { kind: 'figure'; image: ImageSource; caption?: string; credit?: string };

export type SourcePerson = { name: string; slug?: string; email?: string; bio?: string };
export type SourceTopic = { name: string; slug?: string };
export type SourceReference = { title: string; publisher?: string; year?: number; url?: string; doi?: string };

export type SourceArticle = {
  /** Stable across runs, unique across sources: `wxr:<guid>`, `url:<canonical url>`, `md:<relative path>`. */
  sourceKey: string;
  /** The old site's public URLs for this article (absolute): each becomes a Redirect, and links to
   * them from other imported articles are rewritten to the new slug. */
  sourceUrls: string[];
  title: string;
  /** Wanted slug; the writer derives one from the title when absent or taken by another source. */
  slug?: string;
  /** Lead / standfirst; the writer falls back to the first paragraph, clipped. */
  excerpt?: string;
  body: SourceBodySection[];
  cover?: ImageSource;
  author?: SourcePerson;
  reviewer?: SourcePerson;
  topics: SourceTopic[];
  /** ISO 8601 dates from the source. */
  publishedAt?: string;
  updatedAt?: string;
  keyTakeaways: string[];
  references: SourceReference[];
  /** "Recommended for you", in order: internal when the target is imported, external otherwise. */
  recommended: SourceLink[];
  /** "You may also like": imported targets become pins; others are dropped with a warning. */
  alsoLike: SourceLink[];
  /** Articles never to show under "You may also like" (the demo format's `alsoLike.exclude`). */
  alsoLikeExcluded: SourceLink[];
  /** The source marks it unpublished (a WordPress draft): never published, even with --publish. */
  sourceDraft: boolean;
};

/** One item of a source, read or not: a bad item is reported and the run goes on. */
export type SourceEntry =
  { ok: true; article: SourceArticle; warnings: string[] } | { ok: false; sourceKey: string; error: string };
