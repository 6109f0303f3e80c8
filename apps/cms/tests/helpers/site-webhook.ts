/** A stand-in for the reader site's /api/revalidate: records what the CMS posts to it. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type ReceivedNotification = { headers: http.IncomingHttpHeaders; body: Record<string, unknown> };

/** Listens on `port` (default: any free one). */
export const startWebhookReceiver = async (port = 0) => {
  const received: ReceivedNotification[] = [];
  /** Notifications answered with a failure status while the site played down. */
  const refused: ReceivedNotification[] = [];
  let failWith: number | null = null;
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => {
      raw += chunk.toString();
    });
    req.on('end', () => {
      if (req.method === 'POST' && req.url === '/api/revalidate' && failWith !== null) {
        refused.push({ headers: req.headers, body: JSON.parse(raw || '{}') as Record<string, unknown> });
        res.writeHead(failWith).end();
      } else if (req.method === 'POST' && req.url === '/api/revalidate') {
        received.push({ headers: req.headers, body: JSON.parse(raw || '{}') as Record<string, unknown> });
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"revalidated":true}');
      } else {
        res.writeHead(404).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const bound = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${bound}`,
    received,
    refused,
    /** Answers every notification with `status` (the site down) until called with null. */
    failWith(status: number | null) {
      failWith = status;
    },
    /** Resolves with the first notification matching `predicate`, waiting up to `ms`. */
    async waitFor(predicate: (n: ReceivedNotification) => boolean, ms = 10_000) {
      const deadline = Date.now() + ms;
      while (Date.now() < deadline) {
        const found = received.find(predicate);
        if (found) return found;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`no matching notification within ${ms} ms; got ${JSON.stringify(received.map((n) => n.body))}`);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};
