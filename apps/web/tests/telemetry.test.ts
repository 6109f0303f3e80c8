/**
 * instrumentation.ts starts OpenTelemetry only when an OTLP endpoint is configured: without one
 * no tracer provider is registered and no span records (no exporter, no overhead); with one, the
 * SDK records. (The trace across the site and the CMS is e2e/edge/operations.spec.ts.)
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';

import { trace } from '@opentelemetry/api';

import { register } from '../instrumentation';
import { telemetryWanted } from '../lib/telemetry-config';
import { startTelemetry } from '../lib/telemetry';

const records = () => trace.getTracer('check').startSpan('check').isRecording();

it('wants telemetry only with an OTLP endpoint, and not when the SDK is disabled', () => {
  assert.equal(telemetryWanted({}), false);
  assert.equal(telemetryWanted({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' }), true);
  assert.equal(telemetryWanted({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://collector:4318/v1/traces' }), true);
  assert.equal(
    telemetryWanted({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', OTEL_SDK_DISABLED: 'true' }),
    false,
  );
});

it('registers nothing at server start without an endpoint, and records once started with one', async () => {
  // Whatever the environment running the tests configures: none of it here.
  for (const name of [
    'OTEL_EXPORTER_OTLP_ENDPOINT',
    'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT',
    'OTEL_SDK_DISABLED',
  ] as const)
    Reflect.deleteProperty(process.env, name);
  process.env.NEXT_RUNTIME = 'nodejs';
  await register();
  assert.equal(records(), false, 'no span records without an endpoint');

  // Nothing listens there; the span is never exported, which is fine here.
  process.env.OTEL_EXPORTER_OTLP_ENDPOINT = 'http://127.0.0.1:9';
  const sdk = startTelemetry();
  try {
    assert.equal(records(), true, 'spans record once the SDK runs');
  } finally {
    await sdk.shutdown();
    delete process.env.OTEL_EXPORTER_OTLP_ENDPOINT;
  }
});
