import type { ArticleSummary } from '@nourish/content';
import { ArticleGrid } from '@/components/cards/ArticleGrid';
import styles from './Home.module.css';

export function LatestArticles({ articles }: { articles: ArticleSummary[] }) {
  if (articles.length === 0) return null;
  return (
    <section aria-labelledby="latest-heading" className={styles.section}>
      <div className="section-heading">
        <h2 id="latest-heading">Latest</h2>
      </div>
      <ArticleGrid articles={articles} />
    </section>
  );
}
