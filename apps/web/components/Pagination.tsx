import { pageHref } from '@/lib/pagination';
import styles from './Pagination.module.css';
import { IntentLink } from '@/components/site/IntentLink';

type Props = { basePath: string; page: number; pageCount: number; extraParams?: Record<string, string> };

/** Previous / next links with rel="prev"/"next" (also hoisted to <head> by React as <link>s). */
export function Pagination({ basePath, page, pageCount, extraParams = {} }: Props) {
  if (pageCount <= 1) return null;
  const prev = page > 1 ? pageHref(basePath, page - 1, extraParams) : null;
  const next = page < pageCount ? pageHref(basePath, page + 1, extraParams) : null;
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
