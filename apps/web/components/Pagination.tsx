import styles from './Pagination.module.css';
import { IntentLink } from '@/components/site/IntentLink';

/** `hrefFor` builds a page's URL: lib/pagination.ts (listings in the path, search in the query). */
type Props = { page: number; pageCount: number; hrefFor: (page: number) => string };

/** Previous / next links with rel="prev"/"next" (also hoisted to <head> by React as <link>s). */
export function Pagination({ page, pageCount, hrefFor }: Props) {
  if (pageCount <= 1) return null;
  const prev = page > 1 ? hrefFor(page - 1) : null;
  const next = page < pageCount ? hrefFor(page + 1) : null;
  return (
    <nav aria-label="Pagination" className={styles.pagination}>
      {prev ? <link rel="prev" href={prev} /> : null}
      {next ? <link rel="next" href={next} /> : null}
      {prev ? (
        <IntentLink href={prev} rel="prev" className={styles.link}>
          <span aria-hidden="true">←</span> Previous<span className="visually-hidden"> page</span>
        </IntentLink>
      ) : (
        <span />
      )}
      <p className={styles.status}>
        Page {page} of {pageCount}
      </p>
      {next ? (
        <IntentLink href={next} rel="next" className={styles.link}>
          Next<span className="visually-hidden"> page</span> <span aria-hidden="true">→</span>
        </IntentLink>
      ) : (
        <span />
      )}
    </nav>
  );
}
