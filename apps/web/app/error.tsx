'use client';
import { ErrorView } from '@/components/ErrorView';

// Catches failures of the (site) layout itself (site settings or topics unavailable).
export default function RootError({ error, retry }: { error: unknown; retry: () => void }) {
  const digest =
    error instanceof Error && 'digest' in error && typeof error.digest === 'string' ? error.digest : undefined;
  return (
    <main id="main" tabIndex={-1}>
      <ErrorView retry={retry} digest={digest} />
    </main>
  );
}
