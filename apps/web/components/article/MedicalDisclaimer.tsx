import styles from './ArticleEnd.module.css';

/** The site-wide medical disclaimer (site settings), shown under every article. */
export function MedicalDisclaimer({ text }: { text: string | null }) {
  if (!text) return null;
  return (
    <section aria-labelledby="disclaimer-heading" className={styles.disclaimer}>
      <h2 id="disclaimer-heading" className={styles.heading}>
        Medical disclaimer
      </h2>
      <p>{text}</p>
    </section>
  );
}
