/**
 * Typed failures of a CMS read. Callers branch on the class (e.g. a 404 from the related-rails
 * route means "no such article"), and every message names the request path but never the token.
 */

export abstract class CmsError extends Error {
  /** The request path with its query string, e.g. `/api/articles?filters...`. */
  readonly path: string;

  protected constructor(message: string, path: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.path = path;
  }
}

/** The CMS answered with a status outside 2xx. */
export class CmsHttpError extends CmsError {
  readonly status: number;

  constructor(status: number, path: string, detail?: string) {
    super(`CMS answered ${status} for GET ${path}${detail ? `: ${detail}` : ''}`, path);
    this.status = status;
  }
}

/** The request did not finish within the client's timeout. */
export class CmsTimeoutError extends CmsError {
  readonly timeoutMs: number;

  constructor(path: string, timeoutMs: number, cause?: unknown) {
    super(`CMS did not answer GET ${path} within ${timeoutMs} ms`, path, { cause });
    this.timeoutMs = timeoutMs;
  }
}

/** The CMS could not be reached at all (refused, DNS, reset). */
export class CmsNetworkError extends CmsError {
  constructor(path: string, cause?: unknown) {
    const reason =
      cause instanceof Error ? (cause.cause instanceof Error ? cause.cause.message : cause.message) : String(cause);
    super(`CMS unreachable for GET ${path}: ${reason}`, path, { cause });
  }
}

/**
 * The CMS is down or overloaded rather than wrong: no answer in time, no connection, or a 5xx.
 * The site answers 503 (try again later) for these, and 500 for everything else.
 */
export const isCmsUnavailable = (error: unknown): error is CmsTimeoutError | CmsNetworkError | CmsHttpError =>
  error instanceof CmsTimeoutError ||
  error instanceof CmsNetworkError ||
  (error instanceof CmsHttpError && error.status >= 500);

/** One problem found in a response body, with the JSON path where it was found. */
export type CmsValidationIssue = { path: string; message: string };

/** The response arrived but does not match the contract (zod schema). */
export class CmsValidationError extends CmsError {
  readonly issues: CmsValidationIssue[];

  constructor(path: string, issues: CmsValidationIssue[]) {
    const summary = issues
      .slice(0, 5)
      .map((issue) => `${issue.path || '(root)'}: ${issue.message}`)
      .join('; ');
    super(`CMS response for GET ${path} failed validation (${issues.length} issue(s)): ${summary}`, path);
    this.issues = issues;
  }
}

/**
 * `request`'s result, or `fallback` when the CMS answered 404 (a route that means "no such
 * published thing"). Every other failure is rethrown.
 */
export const orWhenNotFound = async <T, F>(request: Promise<T>, fallback: F): Promise<T | F> => {
  try {
    return await request;
  } catch (error) {
    if (error instanceof CmsHttpError && error.status === 404) return fallback;
    throw error;
  }
};
