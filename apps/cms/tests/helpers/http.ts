/** Small HTTP helpers for talking to a booted CMS as the public, the site and an editor. */
import assert from 'node:assert/strict';

/** Response bodies are typed by the caller: `getJson<Page<ArticleRow>>(url)`; the tests assert the shape. */
export type Page<T> = {
  data: T[];
  meta: { pagination: { page: number; pageSize: number; pageCount: number; total: number } };
};
export type One<T> = { data: T };
export type ErrorBody = { data: null; error: { status: number; name: string; message: string } };

const parse = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
};

// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- T is the shape the test expects; the assertions that read it fail when it is wrong
export const getJson = async <T = unknown>(
  url: string,
  token?: string,
): Promise<{ status: number; body: T; text: string }> => {
  const res = await fetch(url, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  const text = await res.text();
  return { status: res.status, body: parse(text) as T, text };
};

// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- as getJson
export const send = async <T = unknown>(method: string, url: string, data?: unknown, token?: string) => {
  const res = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: data === undefined ? undefined : JSON.stringify(data),
  });
  const text = await res.text();
  return { status: res.status, body: parse(text) as T, text };
};

/** An admin user driving the content manager, exactly as the admin UI does. */
export class AdminSession {
  private constructor(
    private readonly base: string,
    private readonly token: string,
  ) {}

  static async login(base: string, email: string, password: string) {
    const res = await send<One<{ token: string }>>('POST', `${base}/admin/login`, { email, password });
    assert.equal(res.status, 200, `admin login for ${email} failed: ${res.text}`);
    return new AdminSession(base, res.body.data.token);
  }

  /** The admin JWT, for content-manager calls the helpers below do not cover. */
  accessToken() {
    return Promise.resolve(this.token);
  }

  private cm(uid: string, rest = '') {
    return `${this.base}/content-manager/collection-types/${uid}${rest}`;
  }

  async createArticle(data: Record<string, unknown>) {
    const res = await send<One<{ documentId: string; id: number }>>(
      'POST',
      this.cm('api::article.article'),
      data,
      this.token,
    );
    assert.equal(res.status, 201, `create failed: ${res.text}`);
    return res.body.data;
  }

  async updateArticle(documentId: string, data: Record<string, unknown>) {
    return send('PUT', this.cm('api::article.article', `/${documentId}`), data, this.token);
  }

  async publishArticle(documentId: string) {
    return send('POST', this.cm('api::article.article', `/${documentId}/actions/publish`), {}, this.token);
  }

  async unpublishArticle(documentId: string) {
    return send('POST', this.cm('api::article.article', `/${documentId}/actions/unpublish`), {}, this.token);
  }

  async deleteArticle(documentId: string) {
    return send('DELETE', this.cm('api::article.article', `/${documentId}`), undefined, this.token);
  }

  /** Uploads one file to the media library as the admin does (multipart `POST /upload`). */
  async upload(fileName: string, bytes: Uint8Array | string, mimeType: string) {
    const form = new FormData();
    // A copy: the DOM's Blob takes only bytes over a plain ArrayBuffer (a Buffer may sit on a shared one).
    form.append(
      'files',
      new Blob([typeof bytes === 'string' ? bytes : Uint8Array.from(bytes)], { type: mimeType }),
      fileName,
    );
    form.append('fileInfo', JSON.stringify({ name: fileName, alternativeText: 'test', caption: null }));
    const res = await fetch(`${this.base}/upload`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${this.token}` },
      body: form,
    });
    const text = await res.text();
    return { status: res.status, body: parse(text), text };
  }
}

/** Connects a relation the way the admin's relation picker does. */
export const connect = (...documentIds: string[]) => ({ connect: documentIds.map((documentId) => ({ documentId })) });
