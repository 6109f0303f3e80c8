import { errors } from '@strapi/utils';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The `:slug` route parameter, or a 400 for anything that cannot be a slug. */
export const slugParam = (params: { slug?: string }): string => {
  const slug = params.slug ?? '';
  if (!SLUG.test(slug) || slug.length > 160) {
    throw new errors.ValidationError('slug must be lowercase words separated by hyphens');
  }
  return slug;
};
