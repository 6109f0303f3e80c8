/**
 * Times every request for the metrics endpoint, labelled by the route pattern the router matched
 * (never the raw URL, so the public cannot grow the label set) and the status class.
 */
import { cmsMetrics } from '../observability/cms-metrics';

type Ctx = { method: string; path: string; status: number; _matchedRoute?: string };

const routeLabel = (ctx: Ctx) => {
  if (ctx._matchedRoute) return ctx._matchedRoute;
  if (ctx.path.startsWith('/admin')) return '/admin (static)';
  if (ctx.path.startsWith('/uploads/')) return '/uploads';
  return 'unmatched';
};

export default () => async (ctx: Ctx, next: () => Promise<void>) => {
  const end = cmsMetrics.requests.startTimer();
  try {
    await next();
  } finally {
    end({ route: routeLabel(ctx), method: ctx.method, status: `${String(ctx.status).charAt(0)}xx` });
  }
};
