/** The home page: editor-picked features, the latest articles and one section per chosen topic. */
import { cacheTags } from '../cache-tags';
import type { CmsClient, StrapiQuery } from '../client';
import type { HomePage } from '../domain';
import { ARTICLE_SUMMARY_FIELDS } from '../schemas/article';
import { homePageResponse } from '../schemas/home-page';
import { MEDIA_FIELDS, SEO_FIELDS } from '../schemas/shared';
import { TOPIC_REF_FIELDS } from '../schemas/topic';
import { articleSummaryPopulate, getArticleSummaries, getLatestArticles } from './articles';
import { toArticleSummary, toSeo, toTopicRef, uniqueByDocumentId } from './reshape';

export const LATEST_COUNT = 6;

export const homePageQuery: StrapiQuery = {
  fields: ['updatedAt'],
  populate: {
    featured: { populate: { article: { fields: [...ARTICLE_SUMMARY_FIELDS], populate: articleSummaryPopulate } } },
    topicSections: { fields: ['heading', 'limit'], populate: { topic: { fields: [...TOPIC_REF_FIELDS] } } },
    seo: { fields: [...SEO_FIELDS], populate: { shareImage: { fields: [...MEDIA_FIELDS] } } },
  },
};

export async function getHomePage(client: CmsClient): Promise<HomePage> {
  const [{ data }, latest] = await Promise.all([
    // Featured picks embed articles, so an article change must refresh this too.
    client.get('/home-page', homePageQuery, homePageResponse, { tags: [cacheTags.home, cacheTags.articles] }),
    getLatestArticles(client, LATEST_COUNT),
  ]);

  // A pick whose article was a draft when linked (or was unpublished since) comes back as null.
  const featured = uniqueByDocumentId(
    (data.featured ?? []).flatMap((pick) => (pick.article ? [toArticleSummary(pick.article, client.mediaUrl)] : [])),
  );

  const sections = (data.topicSections ?? []).flatMap((section) =>
    section.topic
      ? [
          {
            heading: section.heading?.trim() || section.topic.name,
            topic: toTopicRef(section.topic),
            limit: section.limit ?? 4,
          },
        ]
      : [],
  );
  const topicSections = await Promise.all(
    sections.map(async ({ heading, topic, limit }) => ({
      heading,
      topic,
      articles: (await getArticleSummaries(client, { topicSlug: topic.slug, page: 1, pageSize: limit })).items,
    })),
  );

  return {
    featured,
    latest,
    topicSections: topicSections.filter((section) => section.articles.length > 0),
    seo: data.seo ? toSeo(data.seo, client.mediaUrl) : null,
  };
}
