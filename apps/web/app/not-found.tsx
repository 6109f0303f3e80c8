import type { Metadata } from 'next';
import { NotFoundContent } from '@/components/NotFoundContent';

// Fallback for anything outside the (site) group; prerendered at build, so it reads no CMS data.
export const metadata: Metadata = { title: 'Page not found', robots: { index: false } };

export default function NotFound() {
  return (
    <main id="main" tabIndex={-1}>
      <NotFoundContent />
    </main>
  );
}
