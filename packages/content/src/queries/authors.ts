/** Author getters (writers and medical reviewers). */
import { cacheTags } from '../cache-tags';
import type { CmsClient, StrapiQuery } from '../client';
import type { Author } from '../domain';
import { AUTHOR_FIELDS, authorListResponse, type RawAuthor } from '../schemas/author';
import { MEDIA_FIELDS } from '../schemas/shared';
import { isValidSlug, MAX_PAGE_SIZE } from './articles';
import { toAuthorRef, toSafeLinks, type MediaUrl } from './reshape';

const authorPopulate = {
  avatar: { fields: [...MEDIA_FIELDS] },
  links: { fields: ['label', 'url'] },
};

export const toAuthor = (raw: RawAuthor, mediaUrl: MediaUrl): Author => ({
  ...toAuthorRef(raw, mediaUrl),
  bio: raw.bio?.trim() || null,
  medicalReviewer: raw.medicalReviewer,
  links: toSafeLinks(raw.links),
  updatedAt: raw.updatedAt,
});

export const authorBySlugQuery = (slug: string): StrapiQuery => ({
  filters: { slug: { $eq: slug } },
  fields: [...AUTHOR_FIELDS],
  populate: authorPopulate,
  pagination: { page: 1, pageSize: 1 },
});

export async function getAuthorBySlug(client: CmsClient, slug: string): Promise<Author | null> {
  if (!isValidSlug(slug)) return null;
  const response = await client.get('/authors', authorBySlugQuery(slug), authorListResponse, {
    tags: [cacheTags.author(slug), cacheTags.authors],
  });
  const raw = response.data[0];
  return raw ? toAuthor(raw, client.mediaUrl) : null;
}

export const authorListQuery: StrapiQuery = {
  fields: [...AUTHOR_FIELDS],
  populate: authorPopulate,
  sort: ['name:asc'],
  pagination: { page: 1, pageSize: MAX_PAGE_SIZE },
};

/** All authors by name (sitemap). */
export async function getAuthors(client: CmsClient): Promise<Author[]> {
  const response = await client.get('/authors', authorListQuery, authorListResponse, { tags: [cacheTags.authors] });
  return response.data.map((raw) => toAuthor(raw, client.mediaUrl));
}
