/**
 * Who plans medical reviews: whoever may publish articles (Editors and Super Admins; an Author
 * may not). One permission, checked by the reviews-due route and by the admin for its widget.
 */
export const PLAN_REVIEWS = {
  action: 'plugin::content-manager.explorer.publish',
  subject: 'api::article.article',
} as const;
