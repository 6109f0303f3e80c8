/** `GET /api/articles/:slug/related`: both related rails in one custom-route response. */
import { z } from 'zod';
import { articleSummarySchema } from './article';

export const recommendedItemSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('article'), article: articleSummarySchema }),
  z.object({ kind: z.literal('external'), url: z.string().min(1), label: z.string().min(1) }),
]);
export type RawRecommendedItem = z.output<typeof recommendedItemSchema>;

export const relatedResponse = z.object({
  data: z.object({
    recommended: z.array(recommendedItemSchema),
    alsoLike: z.array(articleSummarySchema),
  }),
  meta: z.object({
    slug: z.string(),
    limit: z.number().int(),
    recommendedSource: z.enum(['article', 'site-default']),
  }),
});
export type RawRelated = z.output<typeof relatedResponse>;
