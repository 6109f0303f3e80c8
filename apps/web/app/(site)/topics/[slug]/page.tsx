import type { Metadata } from 'next';
import { TopicListing, topicListingMetadata } from '@/components/listing/TopicListing';

// Incremental static regeneration, as articles: nothing at build time (the CMS may be down); each
// listing renders on its first request, is cached, and re-renders in the background at most every
// 300 s (REVALIDATE_SECONDS) or when one of its cache tags is revalidated. Later pages live at
// /topics/[slug]/page/[page]; the old ?page=N addresses redirect there (proxy.ts).
export const revalidate = 300;
export const dynamicParams = true;
export function generateStaticParams(): Array<{ slug: string }> {
  return [];
}

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return topicListingMetadata((await params).slug, 1);
}

export default async function FirstPage({ params }: Props) {
  return <TopicListing slug={(await params).slug} page={1} />;
}
