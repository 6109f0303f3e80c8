/** Test helpers: fixtures captured from the demo CMS and a recording stand-in for fetch. */
import { readFileSync } from 'node:fs';
import { createCmsClient, type CmsClient } from '../src/client';

export const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), 'utf8'));

/** A deep copy to mutate without touching the shared fixture. */
export const clone = <T>(value: T): T => structuredClone(value);

export type RecordedCall = {
  url: URL;
  init: RequestInit & { next?: { tags?: string[]; revalidate?: number | false } };
};

/** Answers each request with `route(url)`: a JSON body (200) or a `Response`. */
export const fakeCms = (
  route: (url: URL) => unknown,
  options: { token?: string; logger?: { error: (...args: unknown[]) => void } } = {},
): { client: CmsClient; calls: RecordedCall[] } => {
  const calls: RecordedCall[] = [];
  const client = createCmsClient({
    baseUrl: 'http://cms.test:1337/',
    token: options.token,
    logger: options.logger ?? { error: () => {} },
    fetch: (input, init) => {
      const url = new URL(input instanceof Request ? input.url : input);
      calls.push({ url, init: init ?? {} });
      const answer = route(url);
      return Promise.resolve(answer instanceof Response ? answer : Response.json(answer));
    },
  });
  return { client, calls };
};

/** Every `key=value` pair of a query string, decoded, for readable assertions. */
export const queryPairs = (url: URL): string[] =>
  [...url.searchParams.entries()].map(([key, value]) => `${key}=${value}`);
