/**
 * Building blocks shared by the content-type schemas: uploaded media, the `shared.*` components
 * and Strapi's `{ data, meta }` envelopes. Objects strip unknown keys, so Strapi may add fields
 * (id, createdAt...) without breaking the contract; missing or mistyped fields we use fail.
 */
import { z } from 'zod';

/** Strapi `datetime` values: ISO 8601 with offset, e.g. `2025-03-11T08:00:00.000Z`. */
export const isoDateTime = z.iso.datetime({ offset: true });
/** Strapi `date` values: `YYYY-MM-DD`. */
export const isoDate = z.iso.date();

/** The media fields we request: `fields: MEDIA_FIELDS`. */
export const MEDIA_FIELDS = ['url', 'width', 'height', 'alternativeText'] as const;

export const mediaSchema = z.object({
  url: z.string().min(1),
  width: z.number().int().positive().nullable(),
  height: z.number().int().positive().nullable(),
  alternativeText: z.string().nullable().optional(),
});
export type RawMedia = z.output<typeof mediaSchema>;

/** `shared.link` */
export const linkSchema = z.object({
  label: z.string().min(1),
  url: z.string().min(1),
});

/** `shared.reference` */
export const referenceSchema = z.object({
  title: z.string().min(1),
  publisher: z.string().nullable().optional(),
  year: z.number().int().nullable().optional(),
  url: z.string().nullable().optional(),
  doi: z.string().nullable().optional(),
});
export type RawReference = z.output<typeof referenceSchema>;

export const SEO_FIELDS = ['metaTitle', 'metaDescription', 'canonicalUrl', 'noindex'] as const;

/** `shared.seo`, with `shareImage` populated. */
export const seoSchema = z.object({
  metaTitle: z.string().nullable().optional(),
  metaDescription: z.string().nullable().optional(),
  canonicalUrl: z.string().nullable().optional(),
  noindex: z.boolean().nullable().optional(),
  shareImage: mediaSchema.nullable().optional(),
});
export type RawSeo = z.output<typeof seoSchema>;

export const paginationSchema = z.object({
  page: z.number().int().min(1),
  pageSize: z.number().int().min(1),
  pageCount: z.number().int().min(0),
  total: z.number().int().min(0),
});

/** `GET /api/<collection>` */
export const collectionResponse = <T extends z.ZodType>(item: T) =>
  z.object({
    data: z.array(item),
    meta: z.object({ pagination: paginationSchema }),
  });

/** `GET /api/<single-type>` */
export const singleResponse = <T extends z.ZodType>(item: T) => z.object({ data: item });
