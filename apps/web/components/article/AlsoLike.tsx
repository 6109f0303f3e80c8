import type { ArticleSummary } from '@nourish/content';
import { ArticleGrid } from '@/components/cards/ArticleGrid';
import styles from './AlsoLike.module.css';

/** "You may also like": pins, then shared topics, then recency (ranked by the CMS). */
export function AlsoLike({ articles }: { articles: ArticleSummary[] }) {
  if (articles.length === 0) return null;
  return (
    <section aria-labelledby="also-like-heading" className={styles.section} data-rail="also-like">
      <h2 id="also-like-heading" className={styles.heading}>
        You may also like
      </h2>
      <ArticleGrid articles={articles} />
    </section>
  );
}
