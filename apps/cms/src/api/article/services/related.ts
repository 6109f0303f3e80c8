/**
 * Both related-content rails for one article, in one call:
 * - "Recommended for you": the editor's ordered picks (internal articles and external links),
 *   or the site-wide defaults when the article has none;
 * - "You may also like": editor pins, then articles sharing the most topics, then the most recent.
 *
 * Internal picks are stored as the target's documentId (copied from the admin relation by
 * src/document-middlewares/sync-related-targets.ts) and resolved against *published* articles at
 * read time, so picks of drafts start working when the draft is published, and picks of
 * unpublished or deleted articles silently drop out. Every query has an explicit field list.
 */
import type { RawArticleSummary, RawRecommendedItem, RawRelated } from '@nourish/content/schemas';
import type { Core } from '@strapi/strapi';

import { withConnection } from '../../../utils/db-connection';
import { service } from '../../../utils/services';

const ARTICLE = 'api::article.article';
const RANKING_POOL = 500;

/** The route's `data`, plus where "recommended" came from (the route's `meta.recommendedSource`). */
type Rails = RawRelated['data'] & Pick<RawRelated['meta'], 'recommendedSource'>;

type StoredRecommended = { url?: string | null; label?: string | null; targetDocumentId?: string | null };
type StoredPick = { targetDocumentId?: string | null };

/**
 * A curated external link as the rail shows it, or null when the stored URL is not an http(s) URL
 * that parses (the schema's regex lets `https://%` through): such an item is dropped, not a 500.
 */
const externalLink = (url: string, label: string | null | undefined): RawRecommendedItem | null => {
  if (!/^https?:\/\/[^\s]+$/i.test(url)) return null;
  let hostname: string;
  try {
    hostname = new URL(url).hostname;
  } catch {
    return null;
  }
  if (!hostname) return null;
  return { kind: 'external', url, label: label?.trim() || hostname };
};

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const summariesByDocumentId = (ids: string[]): Promise<Map<string, RawArticleSummary>> =>
    service(strapi, 'api::article.summaries').byDocumentIds(ids);

  /**
   * Published articles ranked by topics shared with `topicIds`, then recency; at most `count`.
   * Ranked within the most recent RANKING_POOL articles of those topics: ranking every article of
   * a topic took ~0.5 s at 100k articles, the pool keeps it flat (docs/benchmarks.md).
   */
  const rankByTopics = async (topicIds: number[], exclude: Set<string>, count: number): Promise<string[]> => {
    if (count <= 0 || topicIds.length === 0) return [];
    const meta = strapi.db.metadata.get(ARTICLE);
    const topics = meta.attributes.topics as unknown as {
      joinTable: { name: string; joinColumn: { name: string }; inverseJoinColumn: { name: string } };
    };
    const { name: link, joinColumn, inverseJoinColumn } = topics.joinTable;
    const rows = await withConnection<Array<{ document_id: string }>>(strapi, (knex) => {
      const pool = knex(`${meta.tableName} as p`)
        .select('p.id')
        .whereNotNull('p.published_at')
        .whereExists(
          knex(`${link} as pl`)
            .select(knex.raw('1'))
            .whereRaw(`pl.${joinColumn.name} = p.id`)
            .whereIn(`pl.${inverseJoinColumn.name}`, topicIds),
        )
        .orderBy([
          { column: 'p.first_published_at', order: 'desc' },
          { column: 'p.id', order: 'desc' },
        ])
        .limit(RANKING_POOL);
      return knex(`${meta.tableName} as a`)
        .join(`${link} as l`, `l.${joinColumn.name}`, 'a.id')
        .whereIn('a.id', pool)
        .whereIn(`l.${inverseJoinColumn.name}`, topicIds)
        .whereNotIn('a.document_id', [...exclude])
        .groupBy('a.id', 'a.document_id', 'a.first_published_at')
        .select('a.document_id')
        .orderByRaw(`count(l.${inverseJoinColumn.name}) desc, a.first_published_at desc, a.id desc`)
        .limit(count);
    });
    return rows.map((row) => row.document_id);
  };

  const mostRecent = async (exclude: Set<string>, count: number): Promise<string[]> => {
    if (count <= 0) return [];
    const meta = strapi.db.metadata.get(ARTICLE);
    const rows = await withConnection<Array<{ document_id: string }>>(strapi, (knex) =>
      knex(meta.tableName)
        .whereNotNull('published_at')
        .whereNotIn('document_id', [...exclude])
        .select('document_id')
        .orderBy([
          { column: 'first_published_at', order: 'desc' },
          { column: 'id', order: 'desc' },
        ])
        .limit(count),
    );
    return rows.map((row) => row.document_id);
  };

  return {
    async forArticle(slug: string, limit: number): Promise<Rails | null> {
      // The query engine, not the document service: the stored targets are private attributes.
      const article = (await strapi.db.query(ARTICLE).findOne({
        where: { slug, publishedAt: { $notNull: true } },
        select: ['id', 'documentId'],
        populate: {
          recommended: { select: ['url', 'label', 'targetDocumentId'] },
          alsoLikePinned: { select: ['targetDocumentId'] },
          alsoLikeExcluded: { select: ['targetDocumentId'] },
          topics: { select: ['id'] },
        },
      })) as {
        documentId: string;
        // Strapi leaves the query result untyped; these have always been read as possibly absent.
        recommended?: StoredRecommended[];
        alsoLikePinned?: StoredPick[];
        alsoLikeExcluded?: StoredPick[];
        topics: Array<{ id: number }>;
      } | null;
      if (!article) return null;

      let stored = article.recommended ?? [];
      let recommendedSource: Rails['recommendedSource'] = 'article';
      if (stored.length === 0) {
        const settings = (await strapi.db.query('api::site-setting.site-setting').findOne({
          select: ['id'],
          populate: { defaultRecommended: { select: ['url', 'label', 'targetDocumentId'] } },
        })) as { defaultRecommended?: StoredRecommended[] } | null;
        stored = settings?.defaultRecommended ?? [];
        recommendedSource = 'site-default';
      }

      const pinnedIds = (article.alsoLikePinned ?? []).map((p) => p.targetDocumentId).filter(Boolean) as string[];
      const curatedIds = stored.map((item) => item.targetDocumentId).filter(Boolean) as string[];
      const summaries = await summariesByDocumentId([...new Set([...curatedIds, ...pinnedIds])]);

      const recommended: RawRecommendedItem[] = [];
      const seen = new Set<string>([article.documentId]);
      for (const item of stored) {
        if (item.targetDocumentId) {
          const summary = summaries.get(item.targetDocumentId);
          if (summary && !seen.has(summary.documentId)) {
            recommended.push({ kind: 'article', article: summary });
            seen.add(summary.documentId);
          }
        } else if (item.url) {
          const link = externalLink(item.url, item.label);
          if (link) recommended.push(link);
          else
            strapi.log.warn(
              `Related rail of "${slug}": dropped a recommended link whose URL does not parse: ${JSON.stringify(item.url.slice(0, 200))}`,
            );
        }
      }

      const excluded = new Set<string>([
        ...seen,
        ...((article.alsoLikeExcluded ?? []).map((p) => p.targetDocumentId).filter(Boolean) as string[]),
      ]);
      const alsoLike: RawArticleSummary[] = [];
      for (const id of pinnedIds) {
        const summary = summaries.get(id);
        if (summary && !excluded.has(id) && alsoLike.length < limit) {
          alsoLike.push(summary);
          excluded.add(id);
        }
      }

      const byTopic = await rankByTopics(
        article.topics.map((t) => t.id),
        excluded,
        limit - alsoLike.length,
      );
      byTopic.forEach((id) => excluded.add(id));
      const recent = await mostRecent(excluded, limit - alsoLike.length - byTopic.length);
      const fill = await summariesByDocumentId([...byTopic, ...recent]);
      for (const id of [...byTopic, ...recent]) {
        const summary = fill.get(id);
        if (summary) alsoLike.push(summary);
      }

      return { recommended, alsoLike, recommendedSource };
    },
  };
};
