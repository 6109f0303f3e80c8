import styles from './BodyBlocks.module.css';

export function PullQuote({ quote, attribution }: { quote: string; attribution: string | null }) {
  return (
    <figure className={styles.pullQuote}>
      <blockquote>
        <p>{quote}</p>
      </blockquote>
      {attribution ? <figcaption>{attribution}</figcaption> : null}
    </figure>
  );
}
