import { getImageProps } from 'next/image';
import { preload as preloadResource } from 'react-dom';
import type { ImageRef } from '@nourish/content';

type Props = {
  image: ImageRef;
  /** Layout widths for the browser to pick a variant, e.g. `(min-width: 64rem) 42rem, 100vw`. */
  sizes: string;
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
export function CmsImage({ image, sizes, className, preload = false, decorative = false }: Props) {
  const { props } = getImageProps({
    src: image.url,
    alt: decorative ? '' : image.alt,
    width: image.width,
    height: image.height,
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
