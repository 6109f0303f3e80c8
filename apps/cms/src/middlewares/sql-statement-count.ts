/**
 * Opt-in instrumentation for the benchmarks (SQL_STATEMENT_COUNT=true): counts the SQL statements
 * each request sends, from the query builder's own `query` events, and reports the count in an
 * `x-sql-statements` response header. Off by default: it costs a little on every request.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

import type { Core } from '@strapi/strapi';

type Counter = { statements: number };
const current = new AsyncLocalStorage<Counter>();
let listening = false;

export default (config: { enabled?: boolean }, { strapi }: { strapi: Core.Strapi }) => {
  if (!config.enabled) return (_ctx: unknown, next: () => Promise<void>) => next();
  return async (ctx: { path: string; set(name: string, value: string): void }, next: () => Promise<void>) => {
    if (!listening) {
      // The event fires in the async context of the code that built the query.
      strapi.db.connection.on('query', () => {
        const counter = current.getStore();
        if (counter) counter.statements += 1;
      });
      listening = true;
    }
    const counter: Counter = { statements: 0 };
    await current.run(counter, next);
    ctx.set('x-sql-statements', String(counter.statements));
  };
};
