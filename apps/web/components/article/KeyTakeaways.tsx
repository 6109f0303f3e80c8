import styles from './BodyBlocks.module.css';

export function KeyTakeaways({ title, items, id }: { title: string; items: string[]; id: string }) {
  return (
    <section aria-labelledby={id} className={styles.takeaways}>
      <h2 id={id} className={styles.boxHeading}>
        {title}
      </h2>
      <ul>
        {items.map((item, index) => (
          <li key={index}>{item}</li>
        ))}
      </ul>
    </section>
  );
}
