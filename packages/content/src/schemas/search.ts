/** `GET /api/search?q=&page=&pageSize=`: full-text search over published articles. */
import { z } from 'zod';
import { articleSummarySchema } from './article';
import { paginationSchema } from './shared';

export const searchResponse = z.object({
  data: z.array(articleSummarySchema),
  meta: z.object({ q: z.string(), pagination: paginationSchema }),
});
/** What `GET /api/search` sends (the site's `SearchResults` is the reshaped domain view). */
export type RawSearch = z.output<typeof searchResponse>;
