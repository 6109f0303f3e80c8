import type { Server } from 'node:http';

import type { Core } from '@strapi/strapi';

import { registerEditorialRoutes } from './admin-api/editorial-routes';
import { registerReviewPlanningAction } from './admin-api/review-planners';
import { applyAdminLabels } from './bootstrap/admin-labels';
import { ensureAdminUsers } from './bootstrap/admin-users';
import { ensureSiteApiToken } from './bootstrap/api-token';
import { backfillContentDates } from './bootstrap/content-dates';
import { linkDemoReviewer } from './bootstrap/demo-reviewer';
import { ensureEditorialRoles } from './bootstrap/editorial-roles';
import { ensureIndexes } from './bootstrap/indexes';
import { assertNoProductionDemoAccounts, assertProductionSecrets } from './bootstrap/production-secrets';
import { configurePublicPermissions } from './bootstrap/public-permissions';
import { registerAtomicWrites } from './document-middlewares/atomic-writes';
import { registerContentUpdatedAt } from './document-middlewares/content-updated-at';
import { registerNotifySite } from './document-middlewares/notify-site';
import { registerPublishRules } from './document-middlewares/publish-rules';
import { registerSearchIndexing } from './document-middlewares/search-indexing';
import { registerSlugRedirects } from './document-middlewares/slug-redirects';
import { registerSyncRelatedTargets } from './document-middlewares/sync-related-targets';
import { startMetricsEndpoint } from './observability/start-metrics-endpoint';
import { ensureOutboxTable } from './outbox/outbox-table';
import { withoutSiteNotifications } from './outbox/seeding';
import { seedDemoContent } from './seed/run';
import { service } from './utils/services';

let metricsEndpoint: Server | undefined;

export default {
  async register({ strapi }: { strapi: Core.Strapi }) {
    assertProductionSecrets();
    assertNoProductionDemoAccounts();
    // First, so it is outermost: every other middleware's writes join its transaction.
    registerAtomicWrites(strapi);
    registerPublishRules(strapi);
    registerContentUpdatedAt(strapi);
    registerSyncRelatedTargets(strapi);
    registerSearchIndexing(strapi);
    registerSlugRedirects(strapi);
    registerNotifySite(strapi);
    registerEditorialRoutes(strapi);
    await registerReviewPlanningAction(strapi);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await ensureIndexes(strapi);
    await backfillContentDates(strapi);
    await ensureOutboxTable(strapi);
    const searchIndex = service(strapi, 'api::article.search-index');
    await searchIndex.ensureSchema();
    await configurePublicPermissions(strapi);
    await ensureSiteApiToken(strapi, process.env.SITE_API_TOKEN);
    await ensureEditorialRoles(strapi);
    await ensureAdminUsers(strapi);
    await applyAdminLabels(strapi);
    if (process.env.SEED_DEMO_CONTENT === 'true') await withoutSiteNotifications(() => seedDemoContent(strapi));
    await linkDemoReviewer(strapi);
    metricsEndpoint = startMetricsEndpoint(strapi);
    await searchIndex.rebuildIfStale();
  },

  destroy() {
    metricsEndpoint?.close();
  },
};
