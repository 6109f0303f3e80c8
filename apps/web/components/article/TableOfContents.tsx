import type { TocEntry } from '@nourish/content';
import styles from './TableOfContents.module.css';

/** Links to the body's H2s (ids assigned by @nourish/content); plain anchors, no script. */
export function TableOfContents({ entries }: { entries: TocEntry[] }) {
  if (entries.length < 2) return null;
  return (
    <nav aria-labelledby="toc-heading" className={styles.toc}>
      <h2 id="toc-heading" className={`caps ${styles.heading}`}>
        In this article
      </h2>
      <ol className={styles.list}>
        {entries.map((entry) => (
          <li key={entry.id}>
            <a href={`#${entry.id}`}>{entry.text}</a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
