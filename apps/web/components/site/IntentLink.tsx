'use client';
/**
 * A `next/link` that prefetches when the reader shows intent (pointer over it, keyboard focus,
 * touch start), not when it scrolls into view. Viewport prefetch made the server render every
 * page linked from the header, rails and footer of each page view (docs/performance.md, "Lean
 * pages"); this costs one render per link the reader reaches for.
 */
import Link from 'next/link';
import { useState, type ReactNode } from 'react';

type Props = { href: string; className?: string; rel?: string; children: ReactNode };

export function IntentLink({ href, className, rel, children }: Props) {
  const [intent, setIntent] = useState(false);
  const show = () => setIntent(true);
  return (
    <Link
      href={href}
      className={className}
      rel={rel}
      prefetch={intent ? null : false}
      onMouseEnter={show}
      onFocus={show}
      onTouchStart={show}
    >
      {children}
    </Link>
  );
}
