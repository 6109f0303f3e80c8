/**
 * OpenTelemetry traces for the site (instrumentation.ts starts this only when telemetryWanted()).
 * Next creates the spans of each request and render itself once a tracer provider is registered,
 * continuing an incoming W3C `traceparent`; the undici instrumentation traces the site's fetches,
 * the CMS calls among them, and sends `traceparent` with each, so the CMS's spans join the same
 * trace: one reader request is one trace. The SDK reads the standard OTEL_* variables (protocol,
 * headers, sampler, resource attributes). Traces only: metrics are Prometheus's.
 */
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import { NodeSDK } from '@opentelemetry/sdk-node';

export const startTelemetry = (): NodeSDK => {
  process.env.OTEL_SERVICE_NAME ||= 'nourish-web';
  process.env.OTEL_METRICS_EXPORTER ||= 'none';
  process.env.OTEL_LOGS_EXPORTER ||= 'none';
  const sdk = new NodeSDK({ instrumentations: [new UndiciInstrumentation()] });
  sdk.start();
  return sdk;
};
