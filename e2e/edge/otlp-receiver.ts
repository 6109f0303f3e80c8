/**
 * A tiny OTLP/HTTP receiver for the edge suite: takes the traces both apps export
 * (OTEL_EXPORTER_OTLP_PROTOCOL=http/json, POST /v1/traces) and keeps every span with its service.
 */
import http from 'node:http';

type AnyValue = { stringValue?: string; intValue?: string | number; boolValue?: boolean };
type JsonSpan = {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  attributes?: Array<{ key: string; value: AnyValue }>;
};
type TracesRequest = {
  resourceSpans?: Array<{
    resource?: { attributes?: Array<{ key: string; value: AnyValue }> };
    scopeSpans?: Array<{ spans?: JsonSpan[] }>;
  }>;
};

export type ReceivedSpan = {
  service: string;
  traceId: string;
  spanId: string;
  parentSpanId: string;
  name: string;
  attributes: Record<string, string>;
};

export type OtlpReceiver = { url: string; spans: ReceivedSpan[]; close(): Promise<void> };

const text = (value: AnyValue) => String(value.stringValue ?? value.intValue ?? value.boolValue ?? '');

const spansOf = (body: TracesRequest): ReceivedSpan[] =>
  (body.resourceSpans ?? []).flatMap((resource) => {
    const service = text(resource.resource?.attributes?.find((a) => a.key === 'service.name')?.value ?? {});
    return (resource.scopeSpans ?? []).flatMap((scope) =>
      (scope.spans ?? []).map((span) => ({
        service,
        traceId: span.traceId,
        spanId: span.spanId,
        parentSpanId: span.parentSpanId ?? '',
        name: span.name,
        attributes: Object.fromEntries((span.attributes ?? []).map((a) => [a.key, text(a.value)])),
      })),
    );
  });

export function startOtlpReceiver(port: number): Promise<OtlpReceiver> {
  const spans: ReceivedSpan[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      if (req.method === 'POST' && req.url === '/v1/traces') {
        try {
          spans.push(...spansOf(JSON.parse(Buffer.concat(chunks).toString('utf8')) as TracesRequest));
        } catch {
          res.writeHead(400).end();
          return;
        }
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
        return;
      }
      res.writeHead(404).end();
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${port}`,
        spans,
        close: () => new Promise((done) => server.close(() => done())),
      }),
    );
  });
}
