/**
 * Runs once when the server starts: in production, the server exits at once when a secret is
 * missing, short or an example (lib/production-secrets.ts); then OpenTelemetry starts when an OTLP
 * endpoint is configured (lib/telemetry.ts), and nothing of it is even loaded otherwise.
 * `next build` runs this too (in its page-data workers), where neither is wanted.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  const { refuseToStartWithUnsafeSecrets } = await import('./lib/production-secrets');
  refuseToStartWithUnsafeSecrets();
  const { telemetryWanted } = await import('./lib/telemetry-config');
  if (!telemetryWanted()) return;
  const { startTelemetry } = await import('./lib/telemetry');
  startTelemetry();
}
