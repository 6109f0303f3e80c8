import type { Core } from '@strapi/strapi';

import type articlePage from '../api/article/services/article-page';
import type impact from '../api/article/services/impact';
import type medicalReview from '../api/article/services/medical-review';
import type related from '../api/article/services/related';
import type reviewsDue from '../api/article/services/reviews-due';
import type scheduling from '../api/article/services/scheduling';
import type searchIndex from '../api/article/services/search-index';
import type sitemap from '../api/article/services/sitemap';
import type summaries from '../api/article/services/summaries';
import type redirectRules from '../api/redirect/services/redirect-rules';

/** Our own services by uid, typed from their factories. */
type Services = {
  'api::article.article-page': ReturnType<typeof articlePage>;
  'api::article.impact': ReturnType<typeof impact>;
  'api::article.medical-review': ReturnType<typeof medicalReview>;
  'api::article.related': ReturnType<typeof related>;
  'api::article.reviews-due': ReturnType<typeof reviewsDue>;
  'api::article.scheduling': ReturnType<typeof scheduling>;
  'api::article.search-index': ReturnType<typeof searchIndex>;
  'api::article.sitemap': ReturnType<typeof sitemap>;
  'api::article.summaries': ReturnType<typeof summaries>;
  'api::redirect.redirect-rules': ReturnType<typeof redirectRules>;
};

/** Strapi types every service as a bag of `any`; this is the one place that says what ours are. */
export const service = <K extends keyof Services>(strapi: Core.Strapi, uid: K): Services[K] =>
  strapi.service(uid) as Services[K];
