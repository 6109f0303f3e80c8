import type { SearchOutcome } from '@/lib/data';
import { ArticleCard } from '@/components/cards/ArticleCard';
import { Pagination } from '@/components/Pagination';
import { searchPageHref } from '@/lib/pagination';
import styles from './SearchResultsList.module.css';

type Props = { outcome: SearchOutcome; rawQuery: string };

export function SearchResultsList({ outcome, rawQuery }: Props) {
  switch (outcome.status) {
    case 'no-query':
      return (
        <p className={styles.message}>
          {rawQuery.trim()
            ? 'Please type at least two characters.'
            : 'Type a word or two, for example “magnesium” or “gut health”.'}
        </p>
      );
    case 'unavailable':
      return (
        <div className={styles.unavailable} role="status">
          <h2>Search is temporarily unavailable</h2>
          <p>
            We could not reach our search service. Please try again in a few minutes, or browse by topic from the menu
            above.
          </p>
        </div>
      );
    case 'ok': {
      const { results } = outcome;
      return (
        <section aria-labelledby="results-heading">
          <h2 id="results-heading" className={styles.count}>
            {results.total === 0
              ? `No articles match “${results.query}”`
              : `${results.total} ${results.total === 1 ? 'article matches' : 'articles match'} “${results.query}”`}
          </h2>
          {results.items.length > 0 ? (
            <ol className={styles.list}>
              {results.items.map((article) => (
                <li key={article.documentId}>
                  <ArticleCard article={article} variant="row" sizes="(min-width: 36rem) 10rem, 100vw" />
                </li>
              ))}
            </ol>
          ) : (
            <p className={styles.message}>Try fewer or different words, or check the spelling.</p>
          )}
          <Pagination
            page={results.page}
            pageCount={results.pageCount}
            hrefFor={(page) => searchPageHref(results.query, page)}
          />
        </section>
      );
    }
  }
}
