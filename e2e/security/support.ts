/**
 * Shared by the security specs: plain HTTP to the booted CMS and site as the public, the site and
 * an admin user; what must never appear in a public answer; and draft probes that make a leak
 * visible (a test that looks for drafts needs a draft to find).
 */
import { expect } from '@playwright/test';

import { CMS_ENV, CMS_URL, SITE_URL } from '../fixtures/env';

export { CMS_ENV, CMS_URL, SITE_URL };

/** The site's API token: the only credential that may read drafts. */
export const SITE_TOKEN = CMS_ENV.SITE_API_TOKEN;

export type Reply = { status: number; headers: Headers; text: string; json: unknown; ms: number };

type RequestOptions = {
  method?: string;
  /** Sent as `Authorization: Bearer …`. */
  bearer?: string;
  /** Sent as the site's rate-limit exemption header (grants nothing else). */
  siteHeader?: boolean;
  headers?: Record<string, string>;
  body?: unknown;
  redirect?: RequestRedirect;
};

const parse = (text: string): unknown => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
};

/** One request; the URL is used exactly as given (no re-encoding), so malformed queries reach the server. */
export async function request(url: string, options: RequestOptions = {}): Promise<Reply> {
  const headers: Record<string, string> = { ...(options.headers ?? {}) };
  if (options.bearer) headers.authorization = `Bearer ${options.bearer}`;
  if (options.siteHeader) headers['x-site-token'] = SITE_TOKEN;
  let body: string | undefined;
  if (options.body !== undefined) {
    body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    headers['content-type'] ??= 'application/json';
  }
  const started = performance.now();
  const response = await fetch(url, {
    method: options.method ?? 'GET',
    headers,
    body,
    redirect: options.redirect ?? 'manual',
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    text,
    json: parse(text),
    ms: performance.now() - started,
  };
}

export const api = (path: string, options?: RequestOptions) => request(`${CMS_URL}/api${path}`, options);
export const site = (path: string, options?: RequestOptions) => request(`${SITE_URL}${path}`, options);

/**
 * Keys and values that never belong in a public answer: credentials, admin identities, internal
 * planning fields and the hidden pick targets. Matched as JSON keys (`"name":`), so an article that
 * merely mentions a password in its text does not trip it.
 */
export const PRIVATE_KEYS = [
  'password',
  'resetPasswordToken',
  'confirmationToken',
  'registrationToken',
  'accessKey',
  'createdBy',
  'updatedBy',
  'targetDocumentId',
  'scheduledPublishAt',
  'scheduledUnpublishAt',
  'isActive',
  'blocked',
  // Editorial: the review plan, who recorded a history entry, the reviewer's admin account.
  'nextReviewDue',
  'updateKind',
  'changeNote',
  'reviewRequired',
  'reviewedContentHash',
  'reviewIntervalMonths',
  'adminEmail',
  'recordedBy',
  // The importer's records (no route serves them): where an item came from and its hash.
  'sourceKey',
  'sourceHash',
  'pendingLinks',
] as const;

/** The demo admin accounts' emails: an admin identity in a public answer is a leak. */
export const ADMIN_EMAILS = [
  CMS_ENV.ADMIN_EMAIL,
  CMS_ENV.EDITOR_EMAIL,
  CMS_ENV.AUTHOR_EMAIL,
  CMS_ENV.REVIEWER_EMAIL,
].filter(Boolean);

/** Every private key or admin email found in a response body. */
export const privateLeaks = (text: string): string[] => [
  ...PRIVATE_KEYS.filter((key) => text.includes(`"${key}":`)),
  ...ADMIN_EMAILS.filter((email) => text.toLowerCase().includes(email.toLowerCase())),
];

// ---------------------------------------------------------------------------------------------
// Admin sessions (the content-manager API, exactly as the admin UI calls it)

export type AdminAccount = 'superAdmin' | 'editor' | 'author';

const ACCOUNT_ENV: Record<AdminAccount, string> = { superAdmin: 'ADMIN', editor: 'EDITOR', author: 'AUTHOR' };

export type AdminSession = {
  token: string;
  call(method: string, path: string, body?: unknown): Promise<Reply>;
  /** `/content-manager/collection-types/<uid><rest>` or the single-types equivalent. */
  cm(uid: string, rest?: string, single?: boolean): string;
};

export async function adminSession(account: AdminAccount): Promise<AdminSession> {
  const prefix = ACCOUNT_ENV[account];
  const login = await request(`${CMS_URL}/admin/login`, {
    method: 'POST',
    body: { email: CMS_ENV[`${prefix}_EMAIL`], password: CMS_ENV[`${prefix}_PASSWORD`] },
  });
  expect(login.status, `admin login as ${account}: ${login.text.slice(0, 200)}`).toBe(200);
  const token = (login.json as { data: { token: string } }).data.token;
  return {
    token,
    call: (method, path, body) => request(`${CMS_URL}${path}`, { method, bearer: token, body }),
    cm: (uid, rest = '', single = false) =>
      `/content-manager/${single ? 'single-types' : 'collection-types'}/${uid}${rest}`,
  };
}

const ARTICLE = 'api::article.article';

type Created = { data: { documentId: string; id: number } };

/** Creates an article draft through the content manager; fails the test on refusal. */
export async function createArticle(admin: AdminSession, data: Record<string, unknown>): Promise<string> {
  const res = await admin.call('POST', admin.cm(ARTICLE), data);
  expect([200, 201], `create article: ${res.text.slice(0, 300)}`).toContain(res.status);
  return (res.json as Created).data.documentId;
}

export async function publishArticle(admin: AdminSession, documentId: string): Promise<void> {
  const res = await admin.call('POST', admin.cm(ARTICLE, `/${documentId}/actions/publish`), {});
  expect(res.status, `publish: ${res.text.slice(0, 300)}`).toBe(200);
}

export const paragraph = (text: string) => [
  { __component: 'content.rich-text', body: [{ type: 'paragraph', children: [{ type: 'text', text }] }] },
];

/** A published document's id, read as the public. */
export async function documentIdOf(collection: 'articles' | 'authors' | 'topics', slug: string): Promise<string> {
  const res = await api(`/${collection}?filters[slug][$eq]=${slug}&fields[0]=slug`, { siteHeader: true });
  const rows = (res.json as { data: Array<{ documentId: string }> } | null)?.data ?? [];
  expect(rows.length, `${collection} ${slug} exists`).toBe(1);
  return rows[0].documentId;
}

export type DraftProbes = {
  /** Words that exist only in draft versions: finding one in a public answer is a leak. */
  markers: string[];
  unpublishedSlug: string;
  unpublishedId: string;
  editedSlug: string;
  editedId: string;
  topicSlug: string;
  authorSlug: string;
  cleanup(): Promise<void>;
};

/**
 * Two kinds of draft, both linked to a topic, a writer and a reviewer so that every relation from
 * topics and authors reaches them: an article never published, and a published article whose
 * newer draft has a different title and body.
 */
export async function createDraftProbes(admin: AdminSession, label: string): Promise<DraftProbes> {
  const stamp = `${label}-${Date.now().toString(36)}`;
  const unpublishedMarker = `zqdraftonly${stamp.replace(/-/g, '')}`;
  const editMarker = `zqdraftedit${stamp.replace(/-/g, '')}`;
  const topicSlug = 'sleep';
  const authors = (
    await api('/authors?fields[0]=slug&fields[1]=medicalReviewer&pagination[pageSize]=100', { siteHeader: true })
  ).json as { data: Array<{ documentId: string; slug: string; medicalReviewer: boolean }> };
  const writer = authors.data.find((a) => !a.medicalReviewer) ?? authors.data[0];
  const reviewer = authors.data.find((a) => a.medicalReviewer)!;
  const topicId = await documentIdOf('topics', topicSlug);
  const links = {
    author: { connect: [{ documentId: writer.documentId }] },
    reviewer: { connect: [{ documentId: reviewer.documentId }] },
    topics: { connect: [{ documentId: topicId }] },
  };
  const unpublishedSlug = `security-draft-${stamp}`;
  const unpublishedId = await createArticle(admin, {
    title: `Unpublished ${unpublishedMarker}`,
    slug: unpublishedSlug,
    excerpt: `Excerpt ${unpublishedMarker}`,
    coverAlt: 'No cover',
    body: paragraph(`Embargoed ${unpublishedMarker}`),
    ...links,
  });
  const editedSlug = `security-edited-${stamp}`;
  const editedId = await createArticle(admin, {
    title: `Published probe ${stamp}`,
    slug: editedSlug,
    excerpt: `Published excerpt ${stamp}`,
    coverAlt: 'No cover',
    body: paragraph(`Published body ${stamp}`),
    ...links,
  });
  await publishArticle(admin, editedId);
  const edit = await admin.call('PUT', admin.cm(ARTICLE, `/${editedId}`), {
    title: `Edited ${editMarker}`,
    excerpt: `Edited excerpt ${editMarker}`,
    body: paragraph(`Unreviewed change ${editMarker}`),
  });
  expect(edit.status, `draft edit: ${edit.text.slice(0, 300)}`).toBe(200);

  return {
    markers: [unpublishedMarker, editMarker],
    unpublishedSlug,
    unpublishedId,
    editedSlug,
    editedId,
    topicSlug,
    authorSlug: writer.slug,
    async cleanup() {
      for (const id of [unpublishedId, editedId]) await admin.call('DELETE', admin.cm(ARTICLE, `/${id}`));
    },
  };
}

/** Draft markers, `publishedAt: null` rows and private keys in a body. */
export const draftOrPrivateLeaks = (text: string, probes: Pick<DraftProbes, 'markers'>): string[] => [
  ...probes.markers.filter((marker) => text.includes(marker)).map((marker) => `draft marker ${marker}`),
  ...(text.includes('"publishedAt":null') ? ['a row with publishedAt null'] : []),
  ...privateLeaks(text),
];

/** Runs `work` over `items` with at most `limit` in flight. */
export async function inPool<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++];
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
