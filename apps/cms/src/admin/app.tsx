/**
 * The admin's own additions: the reviews-due widget on the home page (editors and medical
 * reviewers) and the "Medical review" and "Pinned elsewhere" panels in an article's edit view.
 * Data comes from src/admin-api.
 */
import type { StrapiApp } from '@strapi/strapi/admin';

import { PLAN_REVIEWS } from '../admin-api/review-planners';
import { reviewsDueListPath } from './editorial/admin-links';
import { ImpactPanel } from './editorial/ImpactPanel';
import { MedicalReviewPanel } from './editorial/MedicalReviewPanel';
import { ReviewIcon } from './editorial/ReviewIcon';

const DUE_WITHIN_DAYS = 30;
const dueUntil = () => new Date(Date.now() + DUE_WITHIN_DAYS * 86_400_000).toISOString().slice(0, 10);

export default {
  config: {},
  register(app: StrapiApp) {
    app.widgets.register({
      id: 'reviews-due',
      icon: ReviewIcon,
      title: { id: 'nourish.reviews-due.title', defaultMessage: 'Reviews due' },
      link: {
        label: { id: 'nourish.reviews-due.link', defaultMessage: 'Open as a list' },
        href: reviewsDueListPath(dueUntil()),
      },
      component: async () => (await import('./editorial/ReviewsDueWidget')).ReviewsDueWidget,
      permissions: [{ ...PLAN_REVIEWS }],
    });
  },
  bootstrap(app: StrapiApp) {
    // Typed as unknown by Strapi; the content manager's documented API (addEditViewSidePanel).
    const apis = app.getPlugin('content-manager').apis as { addEditViewSidePanel(panels: unknown[]): void };
    apis.addEditViewSidePanel([MedicalReviewPanel, ImpactPanel]);
  },
};
