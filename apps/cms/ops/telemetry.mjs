// @ts-check
/**
 * OpenTelemetry traces for the CMS, loaded before Strapi (`node --import ./ops/telemetry.mjs`, as
 * `pnpm start` does) so that http, undici, koa, knex and pg are instrumented as Strapi loads them.
 * Only when an OTLP endpoint is configured (OTEL_EXPORTER_OTLP_ENDPOINT or
 * OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) and OTEL_SDK_DISABLED is not `true`: otherwise this file
 * imports nothing and nothing runs. The SDK reads the other standard variables itself
 * (OTEL_EXPORTER_OTLP_PROTOCOL, _HEADERS, OTEL_TRACES_SAMPLER, OTEL_RESOURCE_ATTRIBUTES...).
 * Traces only: metrics are Prometheus's (README, "Metrics") and logs go to stdout.
 * The W3C `traceparent` of an incoming request (the site's CMS calls) continues the site's trace.
 */
const endpoint = process.env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT || process.env.OTEL_EXPORTER_OTLP_ENDPOINT;

if (endpoint && process.env.OTEL_SDK_DISABLED !== 'true') {
  process.env.OTEL_SERVICE_NAME ||= 'nourish-cms';
  process.env.OTEL_METRICS_EXPORTER ||= 'none';
  process.env.OTEL_LOGS_EXPORTER ||= 'none';
  // Node runs this module (and waits for these imports) before Strapi's entry point: Strapi's
  // require() calls of http, koa, knex and pg then load the instrumented modules.
  const [
    { NodeSDK },
    { HttpInstrumentation },
    { UndiciInstrumentation },
    { KoaInstrumentation },
    { KnexInstrumentation },
    { PgInstrumentation },
  ] = await Promise.all([
    import('@opentelemetry/sdk-node'),
    import('@opentelemetry/instrumentation-http'),
    import('@opentelemetry/instrumentation-undici'),
    import('@opentelemetry/instrumentation-koa'),
    import('@opentelemetry/instrumentation-knex'),
    import('@opentelemetry/instrumentation-pg'),
  ]);
  const sdk = new NodeSDK({
    instrumentations: [
      // The probes are asked every few seconds by the edge and the orchestrator: not traced.
      new HttpInstrumentation({ ignoreIncomingRequestHook: (req) => /^\/_(live|ready|health)\b/.test(req.url ?? '') }),
      new UndiciInstrumentation(),
      new KoaInstrumentation(),
      new KnexInstrumentation(),
      new PgInstrumentation(),
    ],
  });
  sdk.start();
  // What is still buffered goes out when the process ends by itself (a signal ends it at once:
  // at most the last batch, OTEL_BSP_SCHEDULE_DELAY, is lost).
  process.once('beforeExit', () => {
    sdk.shutdown().catch((/** @type {unknown} */ error) => {
      console.error('telemetry: shutdown failed', error);
    });
  });
}
