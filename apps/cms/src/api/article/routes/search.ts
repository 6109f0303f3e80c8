export default {
  type: 'content-api',
  routes: [{ method: 'GET', path: '/search', handler: 'api::article.search.find' }],
};
