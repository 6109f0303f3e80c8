/**
 * The REST API contract, exercised against a real booted CMS with the demo seed. The same suite
 * runs on SQLite (api.sqlite.test.ts) and PostgreSQL (api.postgres.test.ts).
 */
import { describe } from 'node:test';

import { articlePageTests } from './api/article-page';
import { articleSitemapTests } from './api/article-sitemap';
import { draftAccessTests } from './api/draft-access';
import { contentDateTests } from './api/content-dates';
import { editorialApiTests } from './api/editorial-api';
import { editorialPanelTests } from './api/editorial-panels';
import { medicalReviewTests } from './api/medical-review';
import { probeAndMetricsTests } from './api/probes-and-metrics';
import { publicApiTests } from './api/public-api';
import { queryBoundsTests } from './api/query-bounds';
import { seedIdempotencyTests } from './api/seed-idempotency';
import { siteFixtureTests } from './api/site-fixtures';
import { storedLinkTests } from './api/stored-links';
import { uploadTests } from './api/uploads';
import type { DatabaseKind } from './helpers/databases';
import { useSeededCms } from './helpers/cms-suite';

export const describeCmsApi = (kind: DatabaseKind): void => {
  describe(`CMS REST API on ${kind}`, { timeout: 600_000 }, () => {
    const ctx = useSeededCms(kind);
    // First: it reads the demo content as seeded, before the groups below change it.
    describe('contract fixtures', () => siteFixtureTests(ctx));
    describe('public reads, writes and bad input', () => publicApiTests(ctx));
    describe('drafts never reach the public', () => draftAccessTests(ctx));
    describe('bounded public queries', () => queryBoundsTests(ctx));
    describe('unparseable stored links', () => storedLinkTests(ctx));
    describe('article page read model', () => articlePageTests(ctx));
    describe('article sitemap pages', () => articleSitemapTests(ctx));
    describe('editorial workflow', () => editorialApiTests(ctx));
    describe('honest update dates', () => contentDateTests(ctx));
    describe('editorial panels in the admin', () => editorialPanelTests(ctx));
    describe('medical review sign-off and article history', () => medicalReviewTests(ctx));
    describe('demo seed', () => seedIdempotencyTests(ctx));
    describe('uploads', () => uploadTests(ctx));
    describe('probes and metrics', () => probeAndMetricsTests(ctx));
  });
};
