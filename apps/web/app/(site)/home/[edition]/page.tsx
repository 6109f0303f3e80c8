import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { FeaturedStories } from '@/components/home/FeaturedStories';
import { LatestArticles } from '@/components/home/LatestArticles';
import { TopicSection } from '@/components/home/TopicSection';
import { getHomePage, getSiteSettings } from '@/lib/data';
import { HOME_EDITION } from '@/lib/home-route';
import { pageMetadata } from '@/lib/seo';

// The home page, served at `/` (lib/home-route.ts). ISR like articles: rendered on the first
// request, cached, re-rendered in the background at most every 300 s or when one of its cache tags
// is revalidated. Any other /home/... is a 404.
export const revalidate = 300;
export const dynamicParams = true;
export function generateStaticParams(): Array<{ edition: string }> {
  return [];
}

type Props = { params: Promise<{ edition: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  if ((await params).edition !== HOME_EDITION) return {};
  const [settings, home] = await Promise.all([getSiteSettings(), getHomePage()]);
  const seo = home.seo ?? settings.defaultSeo;
  return pageMetadata({
    title: seo.metaTitle ?? settings.defaultSeo.metaTitle ?? settings.siteName,
    description: seo.metaDescription ?? settings.defaultSeo.metaDescription ?? settings.siteName,
    path: '/',
    image: seo.shareImage ?? settings.defaultSeo.shareImage,
    absoluteTitle: true,
  });
}

export default async function HomePage({ params }: Props) {
  if ((await params).edition !== HOME_EDITION) notFound();
  const [settings, home] = await Promise.all([getSiteSettings(), getHomePage()]);
  return (
    <div className="container">
      <h1 className="visually-hidden">{settings.siteName}: evidence-based nutrition and health guides</h1>
      <FeaturedStories articles={home.featured} />
      <LatestArticles articles={home.latest} />
      {home.topicSections.map((section) => (
        <TopicSection key={section.topic.slug} section={section} />
      ))}
    </div>
  );
}
