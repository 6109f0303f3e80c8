/**
 * Request ids: one per request, taken from the caller's X-Request-Id when it looks like one (the
 * site sends its own, so one reader request can be followed from the site into the CMS), made
 * here otherwise. Read anywhere during the request through Strapi's request context.
 */
import { randomUUID } from 'node:crypto';

import type { Core } from '@strapi/strapi';

export const REQUEST_ID_HEADER = 'x-request-id';

// Ids go into log lines and headers: a bounded, plain alphabet only.
const VALID = /^[A-Za-z0-9._:-]{8,100}$/;

export const requestIdFrom = (header: unknown): string =>
  typeof header === 'string' && VALID.test(header) ? header : randomUUID();

type RequestState = { state?: { requestId?: unknown } };

/** The id of the request being served, or undefined outside one (boot, cron jobs). */
export const currentRequestId = (): string | undefined => {
  const strapi = (globalThis as { strapi?: Core.Strapi }).strapi;
  const id = (strapi?.requestContext.get() as RequestState | undefined)?.state?.requestId;
  return typeof id === 'string' ? id : undefined;
};
