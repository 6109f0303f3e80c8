/**
 * How a render tells the server (server.mjs) that the CMS is unavailable. App Router pages cannot
 * set their status, and Next answers a failed render with 500; the server runs every request in
 * an AsyncLocalStorage context it shares through `globalThis` (the app is bundled separately, so
 * a module-level export would be a different instance) and turns these marks into
 * 503 + Retry-After. Under `next dev` there is no context and every function here is a no-op.
 * Not `server-only`: error boundaries (client components) read the digest constant.
 */
import type { AsyncLocalStorage } from 'node:async_hooks';

/** The digest error boundaries receive for a render that failed because the CMS was unavailable. */
export const CMS_UNAVAILABLE_DIGEST = 'CMS_UNAVAILABLE';

/** What one request learned while rendering (server.mjs creates it per request). */
export type RequestAvailability = {
  /** A CMS call of this request failed as unavailable: later calls fail at once, a 500 becomes 503. */
  cmsUnavailable: boolean;
  /** The page explains the outage itself (search): its 200 becomes 503. */
  answerUnavailable: boolean;
  /** This request's id (X-Request-Id): sent on to the CMS and the edge, and in every log line. */
  requestId: string;
};

export type SharedAvailability = {
  requests: AsyncLocalStorage<RequestAvailability>;
  /**
   * When a CMS call last failed as unavailable (null once one succeeds); for renders shared by
   * concurrent requests, where only the first request's context saw the failure.
   */
  cmsFailedAt: number | null;
};

export const AVAILABILITY_KEY = Symbol.for('nourish.availability');

const shared = (): SharedAvailability | undefined =>
  (globalThis as { [AVAILABILITY_KEY]?: SharedAvailability })[AVAILABILITY_KEY];

export const cmsFailedInThisRequest = (): boolean => shared()?.requests.getStore()?.cmsUnavailable === true;

export const noteCmsUnavailable = (): void => {
  const state = shared();
  if (!state) return;
  state.cmsFailedAt = Date.now();
  const request = state.requests.getStore();
  if (request) request.cmsUnavailable = true;
};

export const noteCmsAnswered = (): void => {
  const state = shared();
  if (state) state.cmsFailedAt = null;
};

/** This response explains an outage on its own: send it as 503 + Retry-After instead of 200. */
export const answerUnavailable = (): void => {
  const request = shared()?.requests.getStore();
  if (request) request.answerUnavailable = true;
};

/** The id of the request being served (server.mjs), or undefined outside one and under `next dev`. */
export const currentRequestId = (): string | undefined => shared()?.requests.getStore()?.requestId;
