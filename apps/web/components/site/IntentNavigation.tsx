'use client';
/**
 * Intent prefetch and client navigation for every `IntentLink` on the page, from one client
 * component instead of a `next/link` per link: each `next/link` hydrated on its own and carried its
 * props in the flight data (docs/performance.md, "Lean pages"). Listeners on the document see the
 * links' pointer, focus, touch and click events as they bubble.
 *
 * - Pointer over a link, keyboard focus or touch start: the router prefetches that page, as
 *   `next/link` does on intent.
 * - A plain left click: a client navigation (`router.push`), as `next/link` does. Clicks with a
 *   modifier key, a middle click or a link with a target or download attribute keep the browser's
 *   default (new tab, download, ...).
 */
import { useRouter } from 'next/navigation';
import { useEffect } from 'react';
import { INTENT_LINK_ATTRIBUTE } from './intent-link-attribute';

/** The `IntentLink` the event came from, when its href is a page of this site. */
const intentLinkOf = (event: Event): { link: HTMLAnchorElement; href: string } | null => {
  if (!(event.target instanceof Element)) return null;
  const link = event.target.closest(`a[${INTENT_LINK_ATTRIBUTE}]`);
  if (!(link instanceof HTMLAnchorElement)) return null;
  const url = new URL(link.href, window.location.href);
  if (url.origin !== window.location.origin) return null;
  return { link, href: `${url.pathname}${url.search}${url.hash}` };
};

const opensElsewhere = (event: MouseEvent, link: HTMLAnchorElement): boolean =>
  event.button !== 0 ||
  event.metaKey ||
  event.ctrlKey ||
  event.shiftKey ||
  event.altKey ||
  link.hasAttribute('download') ||
  (link.target !== '' && link.target !== '_self');

export function IntentNavigation() {
  const router = useRouter();
  useEffect(() => {
    // The router keeps what it prefetched and skips a page it already has: no bookkeeping here.
    const prefetch = (event: Event) => {
      const found = intentLinkOf(event);
      if (found) router.prefetch(found.href);
    };
    const navigate = (event: MouseEvent) => {
      if (event.defaultPrevented) return;
      const found = intentLinkOf(event);
      if (!found || opensElsewhere(event, found.link)) return;
      event.preventDefault();
      router.push(found.href);
    };
    const options = { passive: true } as const;
    document.addEventListener('pointerover', prefetch, options);
    document.addEventListener('focusin', prefetch, options);
    document.addEventListener('touchstart', prefetch, options);
    document.addEventListener('click', navigate);
    return () => {
      document.removeEventListener('pointerover', prefetch);
      document.removeEventListener('focusin', prefetch);
      document.removeEventListener('touchstart', prefetch);
      document.removeEventListener('click', navigate);
    };
  }, [router]);
  return null;
}
