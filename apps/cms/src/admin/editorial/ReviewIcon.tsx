/** The reviews-due widget's icon (a clipboard with a tick), drawn here: @strapi/icons is not a dependency of ours. */
import { forwardRef, type SVGProps } from 'react';

type IconProps = Omit<SVGProps<SVGSVGElement>, 'fill' | 'stroke' | 'ref'> & { fill?: string; stroke?: string };

export const ReviewIcon = forwardRef<SVGSVGElement, IconProps>(function ReviewIcon(
  { fill: _fill, stroke: _stroke, ...props },
  ref,
) {
  return (
    <svg ref={ref} viewBox="0 0 32 32" width="16" height="16" fill="currentColor" aria-hidden="true" {...props}>
      <path d="M21 4h4a2 2 0 0 1 2 2v22a2 2 0 0 1-2 2H7a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2h4V3a1 1 0 0 1 1-1h8a1 1 0 0 1 1 1v1Zm-8 0v2h6V4h-6Zm-6 2v22h18V6h-4v1a1 1 0 0 1-1 1h-8a1 1 0 0 1-1-1V6H7Zm14.7 7.7-7 7a1 1 0 0 1-1.4 0l-3-3 1.4-1.4 2.3 2.29 6.3-6.3 1.4 1.42Z" />
    </svg>
  );
});
