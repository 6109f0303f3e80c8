/** Redirect collection type (`api::redirect.redirect`): old paths left by slug changes, and editors' own. */
import { z } from 'zod';
import { collectionResponse } from './shared';

export const REDIRECT_FIELDS = ['from', 'to', 'permanent'] as const;

export const redirectSchema = z.object({
  from: z.string().min(1),
  to: z.string().min(1),
  permanent: z.boolean(),
});
export type RawRedirect = z.output<typeof redirectSchema>;

export const redirectListResponse = collectionResponse(redirectSchema);
