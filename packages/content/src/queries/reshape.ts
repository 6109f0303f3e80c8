/**
 * Small converters from raw Strapi shapes to domain types, shared by the getters. They take a
 * `mediaUrl` function (from the client) so upload paths become absolute in one place.
 */
import type { ArticleSummary, AuthorRef, ImageRef, SafeLink, Seo, TopicRef } from '../domain';
import { isExternalHref, safeHref } from '../safe-href';
import type { RawArticleSummary } from '../schemas/article';
import type { RawAuthorRef } from '../schemas/author';
import type { RawMedia, RawSeo } from '../schemas/shared';
import type { RawTopicRef } from '../schemas/topic';

export type MediaUrl = (url: string) => string;

/** Images without dimensions cannot be laid out without a shift, so they are left out. */
export const toImage = (
  media: RawMedia | null | undefined,
  alt: string | null | undefined,
  mediaUrl: MediaUrl,
): ImageRef | null => {
  if (!media || !media.width || !media.height) return null;
  return {
    url: mediaUrl(media.url),
    width: media.width,
    height: media.height,
    alt: (alt ?? media.alternativeText ?? '').trim(),
  };
};

export const toArticleSummary = (raw: RawArticleSummary, mediaUrl: MediaUrl): ArticleSummary => ({
  documentId: raw.documentId,
  slug: raw.slug,
  title: raw.title,
  excerpt: raw.excerpt,
  cover: toImage(raw.cover, raw.coverAlt, mediaUrl),
  publishedAt: raw.firstPublishedAt ?? null,
  updatedAt: raw.contentUpdatedAt ?? raw.firstPublishedAt ?? raw.updatedAt,
});

export const toTopicRef = (raw: RawTopicRef): TopicRef => ({ name: raw.name, slug: raw.slug });

export const toAuthorRef = (raw: RawAuthorRef, mediaUrl: MediaUrl): AuthorRef => ({
  name: raw.name,
  slug: raw.slug,
  credentials: raw.credentials?.trim() || null,
  roleTitle: raw.roleTitle?.trim() || null,
  avatar: toImage(raw.avatar, raw.avatar?.alternativeText || `Portrait of ${raw.name}`, mediaUrl),
});

/** Links whose URL fails `safeHref` are dropped: a footer or profile link has no text-only form. */
export const toSafeLinks = (links: ReadonlyArray<{ label: string; url: string }> | null | undefined): SafeLink[] =>
  (links ?? []).flatMap((link) => {
    const href = safeHref(link.url);
    return href ? [{ label: link.label, href, external: isExternalHref(href) }] : [];
  });

export const toSeo = (raw: RawSeo | null | undefined, mediaUrl: MediaUrl): Seo => {
  const canonical = safeHref(raw?.canonicalUrl);
  return {
    metaTitle: raw?.metaTitle?.trim() || null,
    metaDescription: raw?.metaDescription?.trim() || null,
    shareImage: toImage(raw?.shareImage, null, mediaUrl),
    canonicalUrl: canonical && isExternalHref(canonical) ? canonical : null,
    noindex: raw?.noindex ?? false,
  };
};

/** Keeps the first occurrence of each document (lists merged from several sources may repeat). */
export const uniqueByDocumentId = <T extends { documentId: string }>(items: T[]): T[] => {
  const seen = new Set<string>();
  return items.filter((item) => (seen.has(item.documentId) ? false : (seen.add(item.documentId), true)));
};
