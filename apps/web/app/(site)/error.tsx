'use client';
import { ErrorView } from '@/components/ErrorView';

// A page failed to render (CMS unreachable or an invalid response). Next does not cache this:
// a cached page keeps being served, and a first visit shows this message with status 500, or
// 503 + Retry-After when the CMS was unavailable (server.mjs).
export default function PageError({ error, retry }: { error: unknown; retry: () => void }) {
  const digest =
    error instanceof Error && 'digest' in error && typeof error.digest === 'string' ? error.digest : undefined;
  return <ErrorView retry={retry} digest={digest} />;
}
