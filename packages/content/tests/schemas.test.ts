import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { describe, it } from 'node:test';
import { articleListResponse, articleSummaryListResponse, relatedResponse } from '../src/schemas';
import { DEMO_SUBJECTS, siteRoutes } from '../src/site-routes';
import { clone, fixture } from './helpers';

type Json = Record<string, unknown> & { data: unknown };
const issuePaths = (result: { success: boolean; error?: { issues: Array<{ path: PropertyKey[] }> } }) =>
  (result.error?.issues ?? []).map((issue) => issue.path.map(String).join('.'));

describe('zod schemas accept real CMS responses', () => {
  // One fixture per route the site calls (src/site-routes.ts), captured from the demo CMS.
  for (const route of siteRoutes({ ...DEMO_SUBJECTS, articleDocumentId: 'unused' })) {
    it(`${route.name} (GET /api${route.path})`, () => {
      const result = route.schema.safeParse(fixture(route.name));
      assert.equal(result.success, true, JSON.stringify(issuePaths(result)));
    });
  }

  it('every fixture belongs to a route', () => {
    const names = new Set(siteRoutes({ ...DEMO_SUBJECTS, articleDocumentId: 'unused' }).map((route) => route.name));
    const files = readdirSync(new URL('./fixtures/', import.meta.url)).map((file) => file.replace(/\.json$/, ''));
    assert.deepEqual(
      files.filter((file) => !names.has(file)),
      [],
    );
    assert.equal(files.length, names.size);
  });
});

describe('zod schemas reject broken responses with the path of the problem', () => {
  const article = () =>
    clone(fixture('article-magnesium-glycinate')) as Json & { data: Array<Record<string, unknown>> };

  it('a missing required field', () => {
    const body = article();
    delete body.data[0]?.title;
    assert.deepEqual(issuePaths(articleListResponse.safeParse(body)), ['data.0.title']);
  });

  it('an unknown dynamic-zone component', () => {
    const body = article();
    const zone = body.data[0]?.body as Array<Record<string, unknown>>;
    zone[1] = { __component: 'content.video', id: 1, url: 'https://example.org' };
    assert.deepEqual(issuePaths(articleListResponse.safeParse(body)), ['data.0.body.1.__component']);
  });

  it('a rich-text node of an unknown type deep inside the body', () => {
    const body = article();
    const zone = body.data[0]?.body as Array<{ __component: string; body?: Array<Record<string, unknown>> }>;
    const richText = zone.find((component) => component.__component === 'content.rich-text');
    assert.ok(richText?.body);
    richText.body[0] = { type: 'table', children: [] };
    const result = articleListResponse.safeParse(body);
    assert.equal(result.success, false);
    const index = zone.indexOf(richText);
    assert.ok(
      issuePaths(result).some((path) => path.startsWith(`data.0.body.${index}.body.0`)),
      JSON.stringify(issuePaths(result)),
    );
  });

  it('a heading level out of range', () => {
    const body = article();
    const zone = body.data[0]?.body as Array<{ __component: string; body?: Array<Record<string, unknown>> }>;
    const richText = zone.find(
      (component) => component.__component === 'content.rich-text' && component.body?.some((n) => n.type === 'heading'),
    );
    const heading = richText?.body?.find((node) => node.type === 'heading');
    assert.ok(heading);
    heading.level = 7;
    assert.equal(articleListResponse.safeParse(body).success, false);
  });

  it('a callout variant the site does not know', () => {
    const body = article();
    const zone = body.data[0]?.body as Array<Record<string, unknown>>;
    const callout = zone.find((component) => component.__component === 'content.callout');
    assert.ok(callout);
    callout.variant = 'tip';
    assert.deepEqual(issuePaths(articleListResponse.safeParse(body)), [`data.0.body.${zone.indexOf(callout)}.variant`]);
  });

  it('a date that is not a date', () => {
    const body = article();
    (body.data[0] as Record<string, unknown>).firstPublishedAt = 'last Tuesday';
    assert.deepEqual(issuePaths(articleListResponse.safeParse(body)), ['data.0.firstPublishedAt']);
  });

  it('a related item of an unknown kind', () => {
    const body = clone(fixture('related-magnesium-glycinate')) as { data: { recommended: unknown[] } };
    body.data.recommended.push({ kind: 'video', url: 'https://example.org' });
    assert.deepEqual(issuePaths(relatedResponse.safeParse(body)), [
      `data.recommended.${body.data.recommended.length - 1}.kind`,
    ]);
  });

  it('a list response without pagination meta', () => {
    const body = clone(fixture('articles-topic-sleep')) as Json;
    body.meta = {};
    assert.deepEqual(issuePaths(articleSummaryListResponse.safeParse(body)), ['meta.pagination']);
  });
});
