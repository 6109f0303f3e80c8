import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { IntentNavigation } from '@/components/site/IntentNavigation';
import './globals.css';

// No CMS data here: this layout also wraps the 404 page that `next build` prerenders, and the
// build must pass while the CMS is down. Site chrome lives in (site)/layout.tsx.
export const metadata: Metadata = {
  formatDetection: { telephone: false, address: false, email: false },
};

export const viewport: Viewport = {
  colorScheme: 'light dark',
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#fcfbf8' },
    { media: '(prefers-color-scheme: dark)', color: '#121517' },
  ],
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en-GB">
      <body>
        <a href="#main" className="skip-link">
          Skip to main content
        </a>
        {children}
        {/* Intent prefetch and client navigation for every IntentLink (one client component). */}
        <IntentNavigation />
      </body>
    </html>
  );
}
