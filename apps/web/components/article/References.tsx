import type { Reference } from '@nourish/content';
import styles from './ArticleEnd.module.css';

export function References({ references }: { references: Reference[] }) {
  if (references.length === 0) return null;
  return (
    <section aria-labelledby="references-heading" className={styles.references}>
      <h2 id="references-heading" className={styles.heading}>
        References
      </h2>
      <ol>
        {references.map((reference, index) => (
          <li key={`${index}-${reference.title}`}>
            {reference.href ? (
              <a href={reference.href} rel="noopener noreferrer">
                {reference.title}
              </a>
            ) : (
              <span>{reference.title}</span>
            )}
            {reference.publisher || reference.year ? (
              <span className={styles.source}>
                {'. '}
                {[reference.publisher, reference.year].filter(Boolean).join(', ')}.
              </span>
            ) : null}
            {reference.doi ? <span className={styles.source}> DOI: {reference.doi}</span> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
