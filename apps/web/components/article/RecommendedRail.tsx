import type { RelatedLink } from '@nourish/content';
import { CmsImage } from '@/components/media/CmsImage';
import styles from './RecommendedRail.module.css';
import { IntentLink } from '@/components/site/IntentLink';

/**
 * "Recommended for you": the editor's picks in their order. External picks say so, open in a new
 * tab and carry rel="noopener noreferrer" so the other site gets no handle on this window.
 */
export function RecommendedRail({ items }: { items: RelatedLink[] }) {
  if (items.length === 0) return null;
  return (
    <aside aria-labelledby="recommended-heading" className={styles.rail} data-rail="recommended">
      <h2 id="recommended-heading" className={`caps ${styles.heading}`}>
        Recommended for you
      </h2>
      <ol className={styles.list}>
        {items.map((item) =>
          item.kind === 'article' ? (
            <li key={item.article.documentId} className={styles.item}>
              {item.article.cover ? (
                <CmsImage image={item.article.cover} width={96} className={styles.thumb} decorative />
              ) : (
                <span className={styles.thumbPlaceholder} aria-hidden="true" />
              )}
              <IntentLink href={`/articles/${item.article.slug}`} className={styles.link}>
                {item.article.title}
              </IntentLink>
            </li>
          ) : (
            <li key={item.href} className={`${styles.item} ${styles.external}`}>
              <span className={styles.externalMark} aria-hidden="true">
                ↗
              </span>
              <a
                href={item.href}
                target="_blank"
                rel="noopener noreferrer"
                className={styles.link}
                data-external="true"
              >
                {item.label}
                <span className={styles.externalLabel}>
                  External site<span className="visually-hidden">, opens in a new tab</span>
                </span>
              </a>
            </li>
          ),
        )}
      </ol>
    </aside>
  );
}
