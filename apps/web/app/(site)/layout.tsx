import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { SiteFooter } from '@/components/site/SiteFooter';
import { SiteHeader } from '@/components/site/SiteHeader';
import { getSiteSettings, getTopics } from '@/lib/data';
import { siteUrl } from '@/lib/env';
import { publicImageUrl } from '@/lib/seo';

export async function generateMetadata(): Promise<Metadata> {
  const settings = await getSiteSettings();
  const seo = settings.defaultSeo;
  return {
    metadataBase: new URL(siteUrl()),
    title: { default: seo.metaTitle ?? settings.siteName, template: `%s | ${settings.siteName}` },
    description: seo.metaDescription,
    applicationName: settings.siteName,
    publisher: settings.publisherName,
    alternates: { types: { 'application/rss+xml': [{ url: '/feed.xml', title: settings.siteName }] } },
    openGraph: {
      siteName: settings.siteName,
      locale: 'en_GB',
      type: 'website',
      images: seo.shareImage ? [publicImageUrl(seo.shareImage)] : undefined,
    },
    twitter: { card: 'summary_large_image' },
  };
}

/** Site chrome for every reader page: header with topic navigation, main landmark, footer. */
export default async function SiteLayout({ children }: { children: ReactNode }) {
  const [settings, topics] = await Promise.all([getSiteSettings(), getTopics()]);
  return (
    <>
      <SiteHeader siteName={settings.siteName} topics={topics} />
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <SiteFooter settings={settings} topics={topics} />
    </>
  );
}
