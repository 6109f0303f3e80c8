import type { Core } from '@strapi/strapi';

import cronTasks from './cron-tasks';

export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  // Loopback unless told otherwise: containers set HOST=0.0.0.0 (Dockerfile, docker-compose.yml).
  host: env('HOST', '127.0.0.1'),
  port: env.int('PORT', 1337),
  url: env('PUBLIC_URL', ''),
  // Behind a reverse proxy (IS_PROXIED=true) Koa trusts X-Forwarded-For/-Proto: ctx.ip (rate
  // limits) and secure cookies use them. Strapi 5 reads `proxy.koa`; a bare boolean is ignored.
  // maxIpsCount: only the last PROXY_HOPS addresses count, the ones our own proxies appended, so a
  // client cannot pick its address by sending its own X-Forwarded-For.
  proxy: { koa: env.bool('IS_PROXIED', false), maxIpsCount: env.int('PROXY_HOPS', 1) },
  dirs: {
    // Tests point this at a temporary folder so their uploads never mix with the demo's.
    public: env('PUBLIC_DIR', './public'),
  },
  app: {
    keys: env.array('APP_KEYS'),
  },
  cron: {
    enabled: env.bool('CRON_ENABLED', true),
    tasks: cronTasks,
  },
});
