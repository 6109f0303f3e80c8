import type { Metadata } from 'next';
import { FeaturedStories } from '@/components/home/FeaturedStories';
import { LatestArticles } from '@/components/home/LatestArticles';
import { TopicSection } from '@/components/home/TopicSection';
import { getHomePage, getSiteSettings } from '@/lib/data';
import { pageMetadata } from '@/lib/seo';

// `/` has no params to defer it to the first request, so without this it would be prerendered
// by `next build` (and fail while the CMS is down). Its CMS reads are still served from the
// data cache (revalidated every 300 s and by tag), so a request costs only the render.
export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
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

export default async function HomePage() {
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
