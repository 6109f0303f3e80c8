export default {
  type: 'content-api',
  routes: [{ method: 'GET', path: '/articles/by-slug/:slug', handler: 'api::article.article-page.findBySlug' }],
};
