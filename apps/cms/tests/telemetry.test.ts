/**
 * ops/telemetry.mjs, loaded before Strapi by `pnpm start`: with no OTLP endpoint configured it
 * registers nothing and no span records; with one, the SDK registers its tracer provider, context
 * manager and propagator, and spans record. (The
 * trace across the site and the CMS is e2e/edge/operations.spec.ts.)
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { it } from 'node:test';

import { inheritedEnv } from '@nourish/test-support';

import { APP_DIR } from './helpers/cms-server';

/** What a process started the way `pnpm start` starts Strapi sees of OpenTelemetry. */
const telemetryIn = (env: Record<string, string>): { recording: boolean; registered: string[] } => {
  const script = [
    "const { trace } = require('@opentelemetry/api');",
    "const recording = trace.getTracer('check').startSpan('check').isRecording();",
    // What an SDK's start registers in the API's global slot: a tracer provider, a context manager, a propagator.
    "const slot = globalThis[Symbol.for('opentelemetry.js.api.1')] ?? {};",
    "const registered = Object.keys(slot).filter((key) => key !== 'version').sort();",
    'console.log(JSON.stringify({ recording, registered }));',
  ].join('\n');
  const out = execFileSync(process.execPath, ['--import', './ops/telemetry.mjs', '-e', script], {
    cwd: APP_DIR,
    env: { ...inheritedEnv(), ...env },
    encoding: 'utf8',
  });
  return JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as { recording: boolean; registered: string[] };
};

it('loads no OpenTelemetry SDK and records nothing when no OTLP endpoint is configured', () => {
  assert.deepEqual(telemetryIn({}), { recording: false, registered: [] });
  assert.deepEqual(
    telemetryIn({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:9', OTEL_SDK_DISABLED: 'true' }),
    { recording: false, registered: [] },
    'nor when the SDK is disabled',
  );
});

it('starts the SDK before the app when an endpoint is configured', () => {
  // Nothing listens there: the one span is dropped when the process ends, which is fine here.
  assert.deepEqual(telemetryIn({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://127.0.0.1:9/v1/traces' }), {
    recording: true,
    registered: ['context', 'propagation', 'trace'],
  });
});
