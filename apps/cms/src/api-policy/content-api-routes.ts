/**
 * Which content type a content-API path reads, known before Strapi's router runs (the policies are
 * global middlewares): core routes live at `/api/<pluralName>` (collection types) and
 * `/api/<singularName>` (single types); our custom article routes share the article prefix.
 */
import type { Core } from '@strapi/strapi';

export type ContentApiRoute = {
  /** The content type whose core routes own this path, if any (`/api/search` has none). */
  uid: string | undefined;
  /** users-permissions' sign-in flows (`/api/auth/...`, `/api/connect/...`) carry their own parameters. */
  authFlow: boolean;
};

export const contentApiRoutes = (strapi: Core.Strapi) => {
  const prefix = strapi.config.get('api.rest.prefix', '/api').replace(/\/+$/, '');
  const uidBySegment = new Map<string, string>();
  for (const [uid, contentType] of Object.entries(strapi.contentTypes)) {
    if (!uid.startsWith('api::')) continue;
    const { kind, info } = contentType as unknown as {
      kind: string;
      info: { singularName: string; pluralName: string };
    };
    uidBySegment.set(kind === 'singleType' ? info.singularName : info.pluralName, uid);
  }
  /** The route a request path belongs to, or null outside the content API. */
  return (path: string): ContentApiRoute | null => {
    if (path !== prefix && !path.startsWith(`${prefix}/`)) return null;
    const segment = path.slice(prefix.length + 1).split('/')[0] ?? '';
    return { uid: uidBySegment.get(segment), authFlow: segment === 'auth' || segment === 'connect' };
  };
};
