/**
 * What the public (any request without the site's token) may populate, per content type: exactly
 * what the site's published reads ask for (packages/content/src/queries/*.ts), nothing more.
 * Keys are attribute names; below a dynamic zone they are the component uids of its fragments.
 *
 * No list that can grow to thousands of rows is here (topics.articles, authors.articles,
 * authors.reviewedArticles): `assertBoundedAllowList` refuses any inverse to-many relation at boot.
 */
import type { BodyComponentUid } from '@nourish/content/schemas';
import type { Core } from '@strapi/strapi';

import { modelOf } from './schema-model';

export type AllowedPopulate = { readonly [attributeOrComponent: string]: AllowedPopulate };

const NOTHING: AllowedPopulate = {};
const image = NOTHING;
const person = { avatar: image };
const seo = { shareImage: image };
// Keyed by block kind: a kind added to the contract does not compile until the public may read it.
const body: Record<BodyComponentUid, AllowedPopulate> = {
  'content.rich-text': NOTHING,
  'content.key-takeaways': { items: NOTHING },
  'content.callout': NOTHING,
  'content.pull-quote': NOTHING,
  'content.figure': { image },
};

export const PUBLIC_POPULATE: Readonly<Record<string, AllowedPopulate>> = {
  // articleBySlugQuery (preview shape, also served to the public) and articleListQuery.
  'api::article.article': {
    cover: image,
    author: person,
    reviewer: person,
    topics: NOTHING,
    references: NOTHING,
    seo,
    body,
  },
  // authorBySlugQuery, getAuthors.
  'api::author.author': { avatar: image, links: NOTHING },
  // topicBySlugQuery, getTopics: fields only.
  'api::topic.topic': NOTHING,
  // homePageQuery.
  'api::home-page.home-page': {
    featured: { article: { cover: image } },
    topicSections: { topic: NOTHING },
    seo,
  },
  // siteSettingsQuery.
  'api::site-setting.site-setting': { footerLinks: NOTHING, defaultSeo: seo },
  // getRedirect: fields only.
  'api::redirect.redirect': NOTHING,
};

/**
 * Checks the allow-list against the content-type schemas, so a renamed attribute or a list that
 * can hold thousands of rows fails the boot instead of opening or breaking the public API.
 */
export const assertBoundedAllowList = (strapi: Core.Strapi) => {
  const leadsTo = (target: string | undefined, at: string) => {
    if (!target) throw new Error(`Public populate allow-list: ${at} names no target model`);
    return target;
  };
  const walk = (uid: string, allowed: AllowedPopulate, path: string) => {
    const model = modelOf(strapi, uid);
    if (!model) throw new Error(`Public populate allow-list: unknown model ${uid} at "${path}"`);
    for (const [key, below] of Object.entries(allowed)) {
      const at = path ? `${path}.${key}` : key;
      const attribute = model.attributes[key];
      if (!attribute) throw new Error(`Public populate allow-list: ${uid} has no attribute "${key}" (${at})`);
      if (attribute.type === 'dynamiczone') {
        for (const [component, fragment] of Object.entries(below)) {
          if (!attribute.components?.includes(component)) {
            throw new Error(`Public populate allow-list: ${at} has no component ${component}`);
          }
          walk(component, fragment, `${at}[${component}]`);
        }
      } else if (attribute.type === 'relation') {
        if (attribute.mappedBy && /ToMany$/.test(attribute.relation ?? '')) {
          throw new Error(`Public populate allow-list: ${at} is an unbounded list of ${attribute.target}`);
        }
        walk(leadsTo(attribute.target, at), below, at);
      } else if (attribute.type === 'component') {
        walk(leadsTo(attribute.component, at), below, at);
      } else if (attribute.type === 'media') {
        walk('plugin::upload.file', below, at);
      } else {
        throw new Error(`Public populate allow-list: ${at} is a ${attribute.type}, not something to populate`);
      }
    }
  };
  for (const [uid, allowed] of Object.entries(PUBLIC_POPULATE)) walk(uid, allowed, '');
};

/** Every allowed path under `allowed`, for error messages (`author`, `author.avatar`, ...). */
export const allowedPaths = (allowed: AllowedPopulate, prefix = ''): string[] =>
  Object.entries(allowed).flatMap(([key, below]) => {
    const path = key.includes('.') ? `${prefix}[${key}]` : prefix ? `${prefix}.${key}` : key;
    return [path, ...allowedPaths(below, path)];
  });
