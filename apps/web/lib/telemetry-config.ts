/**
 * Whether the site exports OpenTelemetry traces: only when an OTLP endpoint is configured
 * (OTEL_EXPORTER_OTLP_ENDPOINT or OTEL_EXPORTER_OTLP_TRACES_ENDPOINT, the standard variables) and
 * OTEL_SDK_DISABLED is not `true`. Kept apart from telemetry.ts so that deciding loads no SDK.
 */
export const telemetryWanted = (env: Record<string, string | undefined> = process.env): boolean =>
  Boolean(env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT || env.OTEL_EXPORTER_OTLP_ENDPOINT) &&
  env.OTEL_SDK_DISABLED !== 'true';
