import type { ArticleSummary } from '@nourish/content';
import { ArticleCard } from './ArticleCard';
import styles from './ArticleGrid.module.css';

type Props = { articles: ArticleSummary[]; headingLevel?: 2 | 3; sizes?: string };

export function ArticleGrid({ articles, headingLevel = 3, sizes }: Props) {
  return (
    <ul className={styles.grid}>
      {articles.map((article) => (
        <li key={article.documentId}>
          <ArticleCard article={article} headingLevel={headingLevel} sizes={sizes} />
        </li>
      ))}
    </ul>
  );
}
