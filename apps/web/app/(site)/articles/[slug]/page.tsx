import type { Metadata } from 'next';
import { notFound, permanentRedirect, redirect } from 'next/navigation';
import { AlsoLike } from '@/components/article/AlsoLike';
import { ArticleBody } from '@/components/article/ArticleBody';
import { ArticleHeader } from '@/components/article/ArticleHeader';
import { ArticleHistory } from '@/components/article/ArticleHistory';
import { ArticleJsonLd } from '@/components/article/ArticleJsonLd';
import { CoverImage } from '@/components/article/CoverImage';
import { MedicalDisclaimer } from '@/components/article/MedicalDisclaimer';
import { RecommendedRail } from '@/components/article/RecommendedRail';
import { References } from '@/components/article/References';
import { TableOfContents } from '@/components/article/TableOfContents';
import { PreviewBanner } from '@/components/preview/PreviewBanner';
import { getArticleBySlug, getRedirect, getRelatedRails, getSiteSettings, isPreviewOf } from '@/lib/data';
import { pageMetadata } from '@/lib/seo';
import styles from './article.module.css';

// Incremental static regeneration: nothing is rendered at build time (the CMS may be down);
// each article renders on its first request, is cached, and is re-rendered in the background
// at most every 300 s (REVALIDATE_SECONDS) or when one of its cache tags is revalidated.
// A failed re-render keeps serving the last good page.
export const revalidate = 300;
export const dynamicParams = true;
export function generateStaticParams(): Array<{ slug: string }> {
  return [];
}

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const article = await getArticleBySlug(slug);
  if (!article) return {};
  return pageMetadata({
    title: article.seo.metaTitle ?? article.title,
    description: article.seo.metaDescription ?? article.excerpt,
    path: `/articles/${article.slug}`,
    canonicalUrl: article.seo.canonicalUrl,
    image: article.seo.shareImage ?? article.cover,
    noindex: article.seo.noindex,
    article: {
      publishedTime: article.publishedAt,
      modifiedTime: article.updatedAt,
      authors: article.author ? [article.author.name] : [],
      tags: article.topics.map((topic) => topic.name),
    },
  });
}

export default async function ArticlePage({ params }: Props) {
  const { slug } = await params;
  const [article, rails, settings, preview] = await Promise.all([
    getArticleBySlug(slug),
    getRelatedRails(slug),
    getSiteSettings(),
    isPreviewOf(slug),
  ]);
  if (!article) {
    // An old slug keeps working: editors' slug changes leave a redirect in the CMS.
    const moved = await getRedirect(`/articles/${slug}`);
    if (moved) (moved.permanent ? permanentRedirect : redirect)(moved.to);
    notFound();
  }

  return (
    <div className="container">
      {preview ? <PreviewBanner path={`/articles/${article.slug}`} /> : null}
      <ArticleJsonLd article={article} settings={settings} />
      <RecommendedRail items={rails?.recommended ?? []} />
      <article className={styles.article}>
        <ArticleHeader article={article} />
        {article.cover ? <CoverImage image={article.cover} /> : null}
        <div className={styles.layout}>
          <div className={styles.aside}>
            <TableOfContents entries={article.toc} />
          </div>
          <div className={styles.main}>
            <ArticleBody sections={article.body} />
            <References references={article.references} />
            <ArticleHistory entries={article.history} />
            <MedicalDisclaimer text={settings.medicalDisclaimer} />
          </div>
        </div>
      </article>
      <AlsoLike articles={rails?.alsoLike ?? []} />
    </div>
  );
}
