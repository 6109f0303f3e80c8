import type { ImageRef } from '@nourish/content';
import { CmsImage } from '@/components/media/CmsImage';
import styles from './BodyBlocks.module.css';

export function Figure({ image, caption, credit }: { image: ImageRef; caption: string | null; credit: string | null }) {
  return (
    <figure className={styles.figure}>
      <CmsImage image={image} sizes="(min-width: 48rem) 44rem, 100vw" className={styles.figureImage} />
      {caption || credit ? (
        <figcaption>
          {caption}
          {credit ? <span className={styles.credit}> {credit}</span> : null}
        </figcaption>
      ) : null}
    </figure>
  );
}
