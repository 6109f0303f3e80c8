/** Topic collection type (`api::topic.topic`). */
import { z } from 'zod';
import { collectionResponse } from './shared';

export const TOPIC_REF_FIELDS = ['name', 'slug'] as const;
export const TOPIC_FIELDS = ['name', 'slug', 'description', 'healthTopic', 'updatedAt'] as const;

export const topicRefSchema = z.object({
  name: z.string().min(1),
  slug: z.string().min(1),
});
export type RawTopicRef = z.output<typeof topicRefSchema>;

export const topicSchema = topicRefSchema.extend({
  description: z.string().nullable().optional(),
  healthTopic: z.boolean(),
  updatedAt: z.iso.datetime({ offset: true }),
});
export type RawTopic = z.output<typeof topicSchema>;

export const topicListResponse = collectionResponse(topicSchema);
