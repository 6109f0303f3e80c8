import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { AuthorListing, authorListingMetadata } from '@/components/listing/AuthorListing';
import { parsePageSegment } from '@/lib/pagination';

// Page 2 and up of a listing, cached like page 1 (see ../../page.tsx).
export const revalidate = 300;
export const dynamicParams = true;
export function generateStaticParams(): Array<{ slug: string; page: string }> {
  return [];
}

type Props = { params: Promise<{ slug: string; page: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, page } = await params;
  const number = parsePageSegment(page);
  return number ? authorListingMetadata(slug, number) : {};
}

export default async function LaterPage({ params }: Props) {
  const { slug, page } = await params;
  const number = parsePageSegment(page);
  if (!number) notFound();
  return <AuthorListing slug={slug} page={number} />;
}
