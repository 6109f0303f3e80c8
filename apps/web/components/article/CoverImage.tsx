import type { ImageRef } from '@nourish/content';
import { CmsImage } from '@/components/media/CmsImage';
import styles from './CoverImage.module.css';

/** The article's cover: the page's largest paint, so it is preloaded. */
export function CoverImage({ image }: { image: ImageRef }) {
  return (
    <figure className={styles.cover}>
      <CmsImage image={image} sizes="(min-width: 68rem) 62rem, 100vw" className={styles.image} preload />
    </figure>
  );
}
