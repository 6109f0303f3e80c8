/** A stand-in for the reader site's /api/revalidate: records what the CMS posts to it. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type ReceivedNotification = { headers: http.IncomingHttpHeaders; body: Record<string, unknown> };

/** Listens on `port` (default: any free one). */
export const startWebhookReceiver = async (port = 0) => {
  const received: ReceivedNotification[] = [];
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => {
      raw += chunk.toString();
    });
    req.on('end', () => {
      if (req.method === 'POST' && req.url === '/api/revalidate') {
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
