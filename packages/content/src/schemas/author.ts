/** Author collection type (`api::author.author`): writers and medical reviewers. */
import { z } from 'zod';
import { collectionResponse, isoDateTime, linkSchema, mediaSchema } from './shared';

export const AUTHOR_REF_FIELDS = ['name', 'slug', 'credentials', 'roleTitle'] as const;
export const AUTHOR_FIELDS = [...AUTHOR_REF_FIELDS, 'bio', 'medicalReviewer', 'updatedAt'] as const;

/** An author as embedded in an article (byline), with `avatar` populated. */
export const authorRefSchema = z.object({
  name: z.string().min(1),
  slug: z.string().min(1),
  credentials: z.string().nullable().optional(),
  roleTitle: z.string().nullable().optional(),
  avatar: mediaSchema.nullable().optional(),
});
export type RawAuthorRef = z.output<typeof authorRefSchema>;

/** The full author profile, with `avatar` and `links` populated. */
export const authorSchema = authorRefSchema.extend({
  bio: z.string().nullable().optional(),
  medicalReviewer: z.boolean(),
  updatedAt: isoDateTime,
  links: z.array(linkSchema).nullable().optional(),
});
export type RawAuthor = z.output<typeof authorSchema>;

export const authorListResponse = collectionResponse(authorSchema);
