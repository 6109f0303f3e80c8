export default {
  type: 'content-api',
  routes: [
    { method: 'GET', path: '/sitemap/articles', handler: 'api::article.sitemap.index' },
    { method: 'GET', path: '/sitemap/articles/:page', handler: 'api::article.sitemap.page' },
  ],
};
