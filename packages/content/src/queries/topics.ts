/** Topic getters. */
import { cacheTags } from '../cache-tags';
import type { CmsClient, StrapiQuery } from '../client';
import type { Topic } from '../domain';
import { TOPIC_FIELDS, topicListResponse, type RawTopic } from '../schemas/topic';
import { isValidSlug, MAX_PAGE_SIZE } from './articles';

const toTopic = (raw: RawTopic): Topic => ({
  name: raw.name,
  slug: raw.slug,
  description: raw.description?.trim() || null,
  healthTopic: raw.healthTopic,
  updatedAt: raw.updatedAt,
});

export const topicBySlugQuery = (slug: string): StrapiQuery => ({
  filters: { slug: { $eq: slug } },
  fields: [...TOPIC_FIELDS],
  pagination: { page: 1, pageSize: 1 },
});

export async function getTopicBySlug(client: CmsClient, slug: string): Promise<Topic | null> {
  if (!isValidSlug(slug)) return null;
  const response = await client.get('/topics', topicBySlugQuery(slug), topicListResponse, {
    tags: [cacheTags.topic(slug), cacheTags.topics],
  });
  const raw = response.data[0];
  return raw ? toTopic(raw) : null;
}

export const topicListQuery: StrapiQuery = {
  fields: [...TOPIC_FIELDS],
  sort: ['name:asc'],
  pagination: { page: 1, pageSize: MAX_PAGE_SIZE },
};

/** All topics, alphabetically (navigation, sitemap). The site has a handful, far below one page. */
export async function getTopics(client: CmsClient): Promise<Topic[]> {
  const response = await client.get('/topics', topicListQuery, topicListResponse, { tags: [cacheTags.topics] });
  return response.data.map(toTopic);
}
