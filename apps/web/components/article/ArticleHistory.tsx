import type { ArticleHistoryEntry } from '@nourish/content';
import { IntentLink } from '@/components/site/IntentLink';
import { formatDate, nameWithCredentials } from '@/lib/format';
import styles from './ArticleEnd.module.css';

const LABELS: Record<Exclude<ArticleHistoryEntry['kind'], 'reviewed'>, string> = {
  published: 'First published',
  updated: 'Updated',
  corrected: 'Corrected',
};

function What({ entry }: { entry: ArticleHistoryEntry }) {
  if (entry.kind === 'reviewed') {
    return (
      <span className={styles.historyLabel}>
        {entry.reviewer ? (
          <>
            Medically reviewed by{' '}
            <IntentLink href={`/authors/${entry.reviewer.slug}`}>{nameWithCredentials(entry.reviewer)}</IntentLink>
          </>
        ) : (
          'Medically reviewed'
        )}
      </span>
    );
  }
  return <span className={styles.historyLabel}>{LABELS[entry.kind]}</span>;
}

/**
 * "Article history" at the end of the article, as health publishers show it: newest first, one
 * dated line per substantive update, correction or medical review. Nothing when there is none: a
 * first publication alone is the header's "Published" date already.
 */
export function ArticleHistory({ entries }: { entries: ArticleHistoryEntry[] }) {
  if (entries.every((entry) => entry.kind === 'published')) return null;
  return (
    <section aria-labelledby="history-heading" className={styles.history}>
      <h2 id="history-heading" className={styles.heading}>
        Article history
      </h2>
      <ol>
        {entries.map((entry, index) => (
          <li key={`${entry.occurredAt}-${entry.kind}-${index}`}>
            <time dateTime={entry.occurredAt} className={styles.historyDate}>
              {formatDate(entry.occurredAt)}
            </time>
            <span>
              <What entry={entry} />
              {entry.note ? <span className={styles.source}>: {entry.note}</span> : null}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
