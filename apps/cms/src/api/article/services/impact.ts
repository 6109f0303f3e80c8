/**
 * What unpublishing or deleting an article changes elsewhere: every article (draft or live
 * version), home-page slot and site default whose "Recommended for you" or "You may also like"
 * pin points at it (an exclusion from a rail does not depend on the target). One statement over the pick components' indexed `target_document_id`
 * (src/bootstrap/indexes.ts), so the edit view's panel stays instant at 100k articles.
 */
import type { Core } from '@strapi/strapi';

export type ImpactPlace =
  | { kind: 'article'; documentId: string; title: string; slug: string; rail: string; live: boolean }
  | { kind: 'home-page' | 'site-settings'; rail: string };

type Row = {
  kind: 'article' | 'home-page' | 'site-settings';
  document_id: string | null;
  title: string | null;
  slug: string | null;
  field: string;
  live: boolean | number | null;
};

const RECOMMENDED = 'related.recommended-item';
const PICK = 'related.article-pick';

const SQL = `
  SELECT 'article' AS kind, a.document_id, a.title, a.slug, c.field, a.published_at IS NOT NULL AS live
    FROM components_related_recommended_items x
    JOIN articles_cmps c ON c.cmp_id = x.id AND c.component_type = '${RECOMMENDED}'
    JOIN articles a ON a.id = c.entity_id
   WHERE x.target_document_id = :documentId AND c.field = 'recommended'
  UNION ALL
  SELECT 'article', a.document_id, a.title, a.slug, c.field, a.published_at IS NOT NULL
    FROM components_related_article_picks x
    JOIN articles_cmps c ON c.cmp_id = x.id AND c.component_type = '${PICK}'
    JOIN articles a ON a.id = c.entity_id
   WHERE x.target_document_id = :documentId AND c.field = 'alsoLikePinned'
  UNION ALL
  SELECT 'home-page', NULL, NULL, NULL, c.field, NULL
    FROM components_related_article_picks x
    JOIN home_pages_cmps c ON c.cmp_id = x.id AND c.component_type = '${PICK}'
   WHERE x.target_document_id = :documentId
  UNION ALL
  SELECT 'site-settings', NULL, NULL, NULL, c.field, NULL
    FROM components_related_recommended_items x
    JOIN site_settings_cmps c ON c.cmp_id = x.id AND c.component_type = '${RECOMMENDED}'
   WHERE x.target_document_id = :documentId`;

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async pointingAt(documentId: string): Promise<ImpactPlace[]> {
    const result: unknown = await strapi.db.connection.raw(SQL, { documentId });
    // PostgreSQL answers { rows }, SQLite (better-sqlite3) the rows themselves.
    const rows = (Array.isArray(result) ? result : (result as { rows: Row[] }).rows) as Row[];
    const places = rows.map((row): ImpactPlace =>
      row.kind === 'article'
        ? {
            kind: 'article',
            documentId: row.document_id ?? '',
            title: row.title ?? '',
            slug: row.slug ?? '',
            rail: row.field,
            live: Boolean(row.live),
          }
        : { kind: row.kind, rail: row.field },
    );
    // Live versions first, then drafts; one entry per place and rail.
    const seen = new Set<string>();
    return places
      .sort((a, b) => Number(b.kind === 'article' && b.live) - Number(a.kind === 'article' && a.live))
      .filter((place) => {
        const key =
          place.kind === 'article'
            ? `${place.documentId}:${place.rail}:${String(place.live)}`
            : `${place.kind}:${place.rail}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      });
  },
});
