import type { Metadata } from 'next';
import type { ReactNode } from 'react';

import { readFloorArticle } from '../article';

const article = readFloorArticle();

// What an SEO audit asks of any page: a title and a description.
export const metadata: Metadata = { title: article.title, description: article.standfirst };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en-GB">
      <body>{children}</body>
    </html>
  );
}
