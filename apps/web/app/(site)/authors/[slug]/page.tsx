import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { AuthorProfile } from '@/components/author/AuthorProfile';
import { ArticleGrid } from '@/components/cards/ArticleGrid';
import { Pagination } from '@/components/Pagination';
import { getAuthorArticles, getAuthorBySlug } from '@/lib/data';
import { nameWithCredentials } from '@/lib/format';
import { pageHref, parsePageParam } from '@/lib/pagination';
import { pageMetadata } from '@/lib/seo';

// ?page= makes this route render per request; the CMS reads behind it are cached and tagged.
// Declared up front so `next build` never tries (and fails, with the CMS down) to prerender it.
export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ page?: string | string[] }> };

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const [{ slug }, query] = await Promise.all([params, searchParams]);
  const page = parsePageParam(query.page);
  const author = await getAuthorBySlug(slug);
  if (!author || !page) return {};
  const name = nameWithCredentials(author);
  return pageMetadata({
    title: page > 1 ? `${name}: page ${page}` : name,
    description: author.bio ?? `Articles written or reviewed by ${author.name}.`,
    path: pageHref(`/authors/${author.slug}`, page),
    image: author.avatar,
  });
}

export default async function AuthorPage({ params, searchParams }: Props) {
  const [{ slug }, query] = await Promise.all([params, searchParams]);
  const page = parsePageParam(query.page);
  if (!page) notFound();
  const author = await getAuthorBySlug(slug);
  if (!author) notFound();
  // Past the last page is a 404, decided from the cached page count before any fetch of that page.
  const articles = await getAuthorArticles(author.slug, page);
  if (!articles) notFound();

  return (
    <div className="container">
      <AuthorProfile author={author} />
      <div className="section-heading">
        <h2>
          {author.medicalReviewer ? `Written or reviewed by ${author.name}` : `Articles by ${author.name}`}
          {page > 1 ? <span className="visually-hidden">, page {page}</span> : null}
        </h2>
      </div>
      {articles.items.length > 0 ? (
        <ArticleGrid articles={articles.items} headingLevel={3} />
      ) : (
        <p className="empty-state">No published articles yet.</p>
      )}
      <Pagination basePath={`/authors/${author.slug}`} page={page} pageCount={articles.pageCount} />
    </div>
  );
}
