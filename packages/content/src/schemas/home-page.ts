/** Home page single type (`api::home-page.home-page`). */
import { z } from 'zod';
import { articleSummarySchema } from './article';
import { isoDateTime, seoSchema, singleResponse } from './shared';
import { topicRefSchema } from './topic';

export const homePageSchema = z.object({
  updatedAt: isoDateTime,
  // `article` is null when the pick points at an article that is not published.
  featured: z
    .array(z.object({ article: articleSummarySchema.nullable().optional() }))
    .nullable()
    .optional(),
  topicSections: z
    .array(
      z.object({
        heading: z.string().nullable().optional(),
        limit: z.number().int().min(1).max(12).nullable().optional(),
        topic: topicRefSchema.nullable().optional(),
      }),
    )
    .nullable()
    .optional(),
  seo: seoSchema.nullable().optional(),
});
export type RawHomePage = z.output<typeof homePageSchema>;

export const homePageResponse = singleResponse(homePageSchema);
