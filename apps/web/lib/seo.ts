/** Builders for Next's Metadata objects, so every page states canonical, OpenGraph and Twitter the same way. */
import 'server-only';
import type { Metadata } from 'next';
import type { ImageRef } from '@nourish/content';
import { absoluteUrl } from './env';

/**
 * Public URL of a CMS image for share cards and JSON-LD. The CMS itself may sit on a private
 * host (e.g. `cms:1337`), so crawlers get the copy served by this site's image optimizer.
 */
export const publicImageUrl = (image: ImageRef, width = 1200): string =>
  absoluteUrl(`/_next/image?url=${encodeURIComponent(image.url)}&w=${width}&q=75`);

type PageMetadataInput = {
  title: string;
  description: string;
  /** Site path, e.g. `/articles/x`; becomes the canonical URL unless `canonicalUrl` is given. */
  path: string;
  canonicalUrl?: string | null;
  image?: ImageRef | null;
  noindex?: boolean;
  /** Use the title as-is (home page) instead of the "%s | Site" template. */
  absoluteTitle?: boolean;
  article?: { publishedTime: string | null; modifiedTime: string; authors: string[]; tags: string[] };
};

export const pageMetadata = (input: PageMetadataInput): Metadata => {
  const canonical = input.canonicalUrl ?? absoluteUrl(input.path);
  const images = input.image
    ? [
        {
          url: publicImageUrl(input.image),
          width: 1200,
          height: Math.round((1200 * input.image.height) / input.image.width),
          alt: input.image.alt,
        },
      ]
    : undefined;
  return {
    title: input.absoluteTitle ? { absolute: input.title } : input.title,
    description: input.description,
    alternates: { canonical },
    robots: input.noindex ? { index: false, follow: true } : undefined,
    openGraph: {
      title: input.title,
      description: input.description,
      url: canonical,
      locale: 'en_GB',
      ...(input.article
        ? {
            type: 'article',
            publishedTime: input.article.publishedTime ?? undefined,
            modifiedTime: input.article.modifiedTime,
            authors: input.article.authors,
            tags: input.article.tags,
          }
        : { type: 'website' }),
      images,
    },
    twitter: {
      card: images ? 'summary_large_image' : 'summary',
      title: input.title,
      description: input.description,
      images: images?.map((image) => image.url),
    },
  };
};
