import type { CalloutVariant } from '@nourish/content';
import styles from './BodyBlocks.module.css';

const DEFAULT_TITLES: Record<CalloutVariant, string> = { note: 'Note', warning: 'Warning', disclaimer: 'Please note' };

/** A labelled aside; the variant is carried by the visible label, not by colour alone. */
export function Callout({ variant, title, body }: { variant: CalloutVariant; title: string | null; body: string }) {
  return (
    <aside className={`${styles.callout} ${styles[variant]}`} aria-label={title ?? DEFAULT_TITLES[variant]}>
      <p className={styles.calloutTitle}>{title ?? DEFAULT_TITLES[variant]}</p>
      <p className={styles.calloutBody}>{body}</p>
    </aside>
  );
}
