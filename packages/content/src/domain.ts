/**
 * The site's own vocabulary. Getters in `queries/` turn raw Strapi documents into these shapes;
 * components only ever see these. URLs in here are already checked (`safeHref`) and media URLs
 * are absolute.
 */

export type ImageRef = {
  /** Absolute URL of the original upload. */
  url: string;
  width: number;
  height: number;
  alt: string;
};

/** A link whose `href` passed `safeHref`. */
export type SafeLink = { label: string; href: string; external: boolean };

export type TopicRef = { name: string; slug: string };

export type Topic = TopicRef & {
  description: string | null;
  healthTopic: boolean;
  updatedAt: string;
};

export type AuthorRef = {
  name: string;
  slug: string;
  credentials: string | null;
  roleTitle: string | null;
  avatar: ImageRef | null;
};

export type Author = AuthorRef & {
  bio: string | null;
  medicalReviewer: boolean;
  links: SafeLink[];
  updatedAt: string;
};

export type ArticleSummary = {
  documentId: string;
  slug: string;
  title: string;
  excerpt: string;
  cover: ImageRef | null;
  /** The public "published" date (`firstPublishedAt`), stable across re-publishes. */
  publishedAt: string | null;
  /** The "Updated" date readers see: the last substantive update, never a mere database write. */
  updatedAt: string;
};

/* ---------- rich text (Strapi blocks, reshaped) ---------- */

export type RichTextLeaf = {
  type: 'text';
  text: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  strikethrough?: boolean;
  code?: boolean;
};

/** Only links whose URL passed `safeHref` survive as links; the rest become plain text. */
export type RichTextLink = { type: 'link'; url: string; external: boolean; children: RichTextLeaf[] };

export type RichTextInline = RichTextLeaf | RichTextLink;

export type RichTextListItem = { type: 'list-item'; children: RichTextInline[] };

export type RichTextList = {
  type: 'list';
  format: 'ordered' | 'unordered';
  children: Array<RichTextListItem | RichTextList>;
};

export type RichTextBlock =
  | { type: 'paragraph'; children: RichTextInline[] }
  /** `id` is the anchor used by the table of contents. */
  | { type: 'heading'; level: 2 | 3 | 4 | 5 | 6; id: string; children: RichTextInline[] }
  | RichTextList
  | { type: 'quote'; children: RichTextInline[] }
  | { type: 'code'; children: RichTextInline[] };

/* ---------- article body ---------- */

export type CalloutVariant = 'note' | 'warning' | 'disclaimer';

export type BodySection =
  | { kind: 'rich-text'; key: string; blocks: RichTextBlock[] }
  | { kind: 'key-takeaways'; key: string; title: string; items: string[] }
  | { kind: 'callout'; key: string; variant: CalloutVariant; title: string | null; body: string }
  | { kind: 'pull-quote'; key: string; quote: string; attribution: string | null }
  | { kind: 'figure'; key: string; image: ImageRef; caption: string | null; credit: string | null };

export type TocEntry = { id: string; text: string };

export type Reference = {
  title: string;
  publisher: string | null;
  year: number | null;
  /** A checked link to the source: its URL, or the DOI resolver when only a DOI is given. */
  href: string | null;
  doi: string | null;
};

export type Seo = {
  metaTitle: string | null;
  metaDescription: string | null;
  shareImage: ImageRef | null;
  canonicalUrl: string | null;
  noindex: boolean;
};

export type ArticleHistoryKind = 'published' | 'updated' | 'corrected' | 'reviewed';

/** One line of the reader-facing "Article history": a substantive update, correction or review. */
export type ArticleHistoryEntry = {
  kind: ArticleHistoryKind;
  /** ISO date-time. */
  occurredAt: string;
  /** The editor's one-line note, or null for the kind's own wording. */
  note: string | null;
  reviewer: { name: string; slug: string; credentials: string | null } | null;
};

export type Article = ArticleSummary & {
  body: BodySection[];
  toc: TocEntry[];
  readingMinutes: number;
  author: AuthorRef | null;
  reviewer: AuthorRef | null;
  lastReviewedAt: string | null;
  topics: TopicRef[];
  references: Reference[];
  seo: Seo;
  /** Newest first; empty when the article has none to show (and always in preview). */
  history: ArticleHistoryEntry[];
};

/* ---------- related rails ---------- */

export type RelatedLink =
  { kind: 'article'; article: ArticleSummary } | { kind: 'external'; href: string; label: string };

export type RelatedRails = {
  /** "Recommended for you": editor order, articles and external links. */
  recommended: RelatedLink[];
  /** "You may also like": pins, then shared topics, then recency (decided by the CMS). */
  alsoLike: ArticleSummary[];
};

/* ---------- site-wide ---------- */

export type SiteSettings = {
  siteName: string;
  publisherName: string;
  copyrightHolder: string;
  copyrightStartYear: number;
  footerLinks: SafeLink[];
  medicalDisclaimer: string | null;
  defaultSeo: Seo;
};

export type TopicSection = {
  heading: string;
  topic: TopicRef;
  articles: ArticleSummary[];
};

export type HomePage = {
  /** Editor order; picks whose article is unpublished are dropped. */
  featured: ArticleSummary[];
  latest: ArticleSummary[];
  topicSections: TopicSection[];
  seo: Seo | null;
};

export type Paginated<T> = {
  items: T[];
  page: number;
  pageSize: number;
  pageCount: number;
  total: number;
};

export type SearchResults = Paginated<ArticleSummary> & { query: string };

/** One line of the sitemap. */
export type SitemapEntry = { path: string; lastModified?: string };
