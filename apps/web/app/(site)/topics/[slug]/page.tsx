import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ArticleGrid } from '@/components/cards/ArticleGrid';
import { Pagination } from '@/components/Pagination';
import { getTopicArticles, getTopicBySlug } from '@/lib/data';
import { pageHref, parsePageParam } from '@/lib/pagination';
import { pageMetadata } from '@/lib/seo';

// ?page= makes this route render per request; the CMS reads behind it are cached and tagged.
// Declared up front so `next build` never tries (and fails, with the CMS down) to prerender it.
export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ page?: string | string[] }> };

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const [{ slug }, query] = await Promise.all([params, searchParams]);
  const page = parsePageParam(query.page);
  const topic = await getTopicBySlug(slug);
  if (!topic || !page) return {};
  return pageMetadata({
    title: page > 1 ? `${topic.name}: page ${page}` : topic.name,
    description: topic.description ?? `Evidence-based articles about ${topic.name.toLowerCase()}.`,
    path: pageHref(`/topics/${topic.slug}`, page),
  });
}

export default async function TopicPage({ params, searchParams }: Props) {
  const [{ slug }, query] = await Promise.all([params, searchParams]);
  const page = parsePageParam(query.page);
  if (!page) notFound();
  const topic = await getTopicBySlug(slug);
  if (!topic) notFound();
  // Past the last page is a 404, decided from the cached page count before any fetch of that page.
  const articles = await getTopicArticles(topic.slug, page);
  if (!articles) notFound();

  return (
    <div className="container">
      <header className="page-intro">
        <p className="eyebrow">Topic</p>
        <h1 className="page-title">{topic.name}</h1>
        {topic.description ? <p className="page-lead">{topic.description}</p> : null}
      </header>
      <h2 className="visually-hidden">Articles{page > 1 ? `, page ${page}` : ''}</h2>
      {articles.items.length > 0 ? (
        <ArticleGrid articles={articles.items} />
      ) : (
        <p className="empty-state">There are no articles on this topic yet.</p>
      )}
      <Pagination basePath={`/topics/${topic.slug}`} page={page} pageCount={articles.pageCount} />
    </div>
  );
}
