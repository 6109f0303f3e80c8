import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { SearchResultsList } from '@/components/search/SearchResultsList';
import { SearchForm } from '@/components/site/SearchForm';
import { searchArticles } from '@/lib/data';
import { parsePageParam } from '@/lib/pagination';

// Per-request by nature (?q=); declared so `next build` never tries to prerender it.
export const dynamic = 'force-dynamic';

type Props = { searchParams: Promise<{ q?: string | string[]; page?: string | string[] }> };

const firstValue = (value: string | string[] | undefined): string | undefined =>
  Array.isArray(value) ? value[0] : value;

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const q = firstValue((await searchParams).q)?.trim();
  return {
    title: q ? `Search results for “${q.slice(0, 60)}”` : 'Search',
    // Result pages are endless and thin: keep them out of search engines, but follow their links.
    robots: { index: false, follow: true },
    alternates: { canonical: '/search' },
  };
}

export default async function SearchPage({ searchParams }: Props) {
  const query = await searchParams;
  const q = firstValue(query.q) ?? '';
  const page = parsePageParam(query.page);
  if (!page) notFound();
  const outcome = await searchArticles(q, page);

  return (
    <div className="container">
      <header className="page-intro">
        <h1 className="page-title">Search</h1>
        <SearchForm id="search-page-query" label="Search articles" defaultValue={q} />
      </header>
      <SearchResultsList outcome={outcome} rawQuery={q} />
    </div>
  );
}
