import { getImageProps } from 'next/image';
import { preload as preloadResource } from 'react-dom';
import type { ImageRef } from '@nourish/content';

/**
 * How wide the image is laid out: `sizes` for a responsive one (the browser picks from a width
 * list), or `width` in CSS pixels for one always shown at the same size (a 1x and a 2x variant;
 * a width list would cost ~1 kB of srcset, sent twice: in the HTML and in the flight data).
 */
type Layout =
  | {
      /** Layout widths for the browser to pick a variant, e.g. `(min-width: 64rem) 42rem, 100vw`. */
      sizes: string;
      width?: never;
    }
  | { width: number; sizes?: never };

type Props = Layout & {
  image: ImageRef;
  className?: string;
  /** For the one image that is the page's largest paint (the article cover). */
  preload?: boolean;
  /** Cards repeat the title next to the picture, so there the image is decorative. */
  decorative?: boolean;
};

/**
 * A CMS upload served through Next's image optimizer, with intrinsic width and height (no layout
 * shift) and a srcset. Built with getImageProps and a plain <img>, so unlike <Image> it ships no
 * client JavaScript.
 */
export function CmsImage({ image, sizes, width, className, preload = false, decorative = false }: Props) {
  const { props } = getImageProps({
    src: image.url,
    alt: decorative ? '' : image.alt,
    // A fixed width keeps the intrinsic aspect ratio (CSS sets the box; object-fit crops).
    width: width ?? image.width,
    height: width ? Math.round((width * image.height) / image.width) : image.height,
    sizes,
    className,
    preload,
  });
  if (preload && props.srcSet) {
    preloadResource(props.src, { as: 'image', imageSrcSet: props.srcSet, imageSizes: sizes, fetchPriority: 'high' });
  }
  // eslint-disable-next-line @next/next/no-img-element -- this is next/image's own output
  return <img {...props} alt={props.alt} />;
}
