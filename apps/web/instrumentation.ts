/**
 * Runs once when the server starts: in production, the server exits at once when a secret is
 * missing, short or an example (lib/production-secrets.ts). `next build` runs this too (in its
 * page-data workers), where no secrets are needed.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  const { refuseToStartWithUnsafeSecrets } = await import('./lib/production-secrets');
  refuseToStartWithUnsafeSecrets();
}
