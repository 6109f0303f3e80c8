import assert from 'node:assert/strict';
import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, it } from 'node:test';

import { keepOneLocation } from '../ops/single-location.mjs';

/** The raw header lines a real server sends after `write` has shaped the response. */
const rawHeaders = async (write: (res: http.ServerResponse) => void, guard: boolean): Promise<string[]> => {
  const server = http.createServer((_req, res) => {
    if (guard) keepOneLocation(res);
    write(res);
    res.end();
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  try {
    const { port } = server.address() as AddressInfo;
    const response = await new Promise<http.IncomingMessage>((resolve) =>
      http.get({ port, host: '127.0.0.1' }, resolve),
    );
    response.resume();
    return response.rawHeaders;
  } finally {
    server.close();
  }
};

const locations = (raw: string[]) => raw.filter((_, i) => i % 2 === 0 && raw[i]?.toLowerCase() === 'location').length;

describe('keepOneLocation', () => {
  // What Next does when it serves a cached redirect: set, then append the same value.
  const nextCachedRedirect = (res: http.ServerResponse) => {
    res.statusCode = 308;
    res.setHeader('Location', '/articles/new-slug');
    res.appendHeader('location', '/articles/new-slug');
    res.appendHeader('set-cookie', 'a=1');
    res.appendHeader('set-cookie', 'b=2');
  };

  it('sends a repeated identical Location once, and other repeated headers as they are', async () => {
    const unguarded = await rawHeaders(nextCachedRedirect, false);
    assert.equal(locations(unguarded), 2, 'without the guard Node sends both (the bug this works around)');
    const guarded = await rawHeaders(nextCachedRedirect, true);
    assert.equal(locations(guarded), 1);
    assert.equal(guarded.filter((line) => line.toLowerCase() === 'set-cookie').length, 2);
  });

  it('still appends a Location with a different value', async () => {
    const raw = await rawHeaders((res) => {
      res.setHeader('Location', '/a');
      res.appendHeader('Location', '/b');
    }, true);
    assert.equal(locations(raw), 2);
  });
});
