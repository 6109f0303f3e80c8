import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { AuthorProfile } from '@/components/author/AuthorProfile';
import { ArticleGrid } from '@/components/cards/ArticleGrid';
import { Pagination } from '@/components/Pagination';
import { getAuthorArticles, getAuthorBySlug } from '@/lib/data';
import { nameWithCredentials } from '@/lib/format';
import { listingPageHref } from '@/lib/pagination';
import { pageMetadata } from '@/lib/seo';

/** Metadata of one page of an author's listing (`/authors/[slug]` and `/authors/[slug]/page/[page]`). */
export async function authorListingMetadata(slug: string, page: number): Promise<Metadata> {
  const author = await getAuthorBySlug(slug);
  if (!author) return {};
  const name = nameWithCredentials(author);
  return pageMetadata({
    title: page > 1 ? `${name}: page ${page}` : name,
    description: author.bio ?? `Articles written or reviewed by ${author.name}.`,
    path: listingPageHref(`/authors/${author.slug}`, page),
    image: author.avatar,
  });
}

/** An author's profile and one page of their articles; an unknown author or a page past the last is a 404. */
export async function AuthorListing({ slug, page }: { slug: string; page: number }) {
  const author = await getAuthorBySlug(slug);
  if (!author) notFound();
  // Past the last page is a 404, decided from the cached page count before any fetch of that page.
  const articles = await getAuthorArticles(author.slug, page);
  if (!articles) notFound();
  const basePath = `/authors/${author.slug}`;

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
      <Pagination page={page} pageCount={articles.pageCount} hrefFor={(n) => listingPageHref(basePath, n)} />
    </div>
  );
}
