/**
 * A link to a page of this site that prefetches when the reader shows intent (pointer over it,
 * keyboard focus, touch start), not when it scrolls into view, and opens with client navigation.
 * Viewport prefetch made the server render every page linked from the header, rails and footer of
 * each page view (docs/performance.md, "Lean pages"). It renders a plain `<a>`: the one
 * `IntentNavigation` in the root layout does the prefetch and the navigation for every such link,
 * so links cost no hydration and no props in the flight data.
 */
import type { ReactNode } from 'react';
import { INTENT_LINK_ATTRIBUTE } from './intent-link-attribute';

type Props = { href: string; className?: string; rel?: string; children: ReactNode };

export function IntentLink({ href, className, rel, children }: Props) {
  return (
    <a href={href} className={className} rel={rel} {...{ [INTENT_LINK_ATTRIBUTE]: '' }}>
      {children}
    </a>
  );
}
