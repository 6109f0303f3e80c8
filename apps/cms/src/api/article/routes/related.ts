export default {
  type: 'content-api',
  routes: [{ method: 'GET', path: '/articles/:slug/related', handler: 'api::article.related.forArticle' }],
};
