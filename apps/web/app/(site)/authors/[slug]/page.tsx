import type { Metadata } from 'next';
import { AuthorListing, authorListingMetadata } from '@/components/listing/AuthorListing';

// Incremental static regeneration, as articles: nothing at build time (the CMS may be down); each
// listing renders on its first request, is cached, and re-renders in the background at most every
// 300 s (REVALIDATE_SECONDS) or when one of its cache tags is revalidated. Later pages live at
// /authors/[slug]/page/[page]; the old ?page=N addresses redirect there (proxy.ts).
export const revalidate = 300;
export const dynamicParams = true;
export function generateStaticParams(): Array<{ slug: string }> {
  return [];
}

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return authorListingMetadata((await params).slug, 1);
}

export default async function FirstPage({ params }: Props) {
  return <AuthorListing slug={(await params).slug} page={1} />;
}
