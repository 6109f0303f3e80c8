import type { ArticleSummary } from '@nourish/content';
import { ArticleCard } from '@/components/cards/ArticleCard';
import styles from './Home.module.css';

/** Editor-picked stories in editor order: one lead story, the rest alongside it. */
export function FeaturedStories({ articles }: { articles: ArticleSummary[] }) {
  const [lead, ...rest] = articles;
  if (!lead) return null;
  return (
    <section aria-labelledby="featured-heading" className={styles.featured}>
      <h2 id="featured-heading" className="visually-hidden">
        Featured
      </h2>
      <div className={styles.lead}>
        <ArticleCard article={lead} variant="lead" sizes="(min-width: 64rem) 46rem, 100vw" />
      </div>
      {rest.length > 0 ? (
        <ul className={styles.side}>
          {rest.map((article) => (
            <li key={article.documentId}>
              <ArticleCard article={article} variant="compact" />
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
