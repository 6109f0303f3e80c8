import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ArticleGrid } from '@/components/cards/ArticleGrid';
import { Pagination } from '@/components/Pagination';
import { getTopicArticles, getTopicBySlug } from '@/lib/data';
import { listingPageHref } from '@/lib/pagination';
import { pageMetadata } from '@/lib/seo';

/** Metadata of one page of a topic's listing (`/topics/[slug]` and `/topics/[slug]/page/[page]`). */
export async function topicListingMetadata(slug: string, page: number): Promise<Metadata> {
  const topic = await getTopicBySlug(slug);
  if (!topic) return {};
  return pageMetadata({
    title: page > 1 ? `${topic.name}: page ${page}` : topic.name,
    description: topic.description ?? `Evidence-based articles about ${topic.name.toLowerCase()}.`,
    path: listingPageHref(`/topics/${topic.slug}`, page),
  });
}

/** One page of a topic's articles; an unknown topic or a page past the last is a 404. */
export async function TopicListing({ slug, page }: { slug: string; page: number }) {
  const topic = await getTopicBySlug(slug);
  if (!topic) notFound();
  // Past the last page is a 404, decided from the cached page count before any fetch of that page.
  const articles = await getTopicArticles(topic.slug, page);
  if (!articles) notFound();
  const basePath = `/topics/${topic.slug}`;

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
      <Pagination page={page} pageCount={articles.pageCount} hrefFor={(n) => listingPageHref(basePath, n)} />
    </div>
  );
}
