/** The few facts of a content-type or component schema the query policies read. */
import type { Core, UID } from '@strapi/strapi';

export type Attribute = {
  type: string;
  relation?: string;
  target?: string;
  mappedBy?: string;
  component?: string;
  components?: string[];
};

export type Model = { attributes: Record<string, Attribute> };

export const modelOf = (strapi: Core.Strapi, uid: string) =>
  strapi.getModel(uid as UID.Schema) as unknown as Model | undefined;

/** The model a relation, component or media attribute leads to. */
export const targetOf = (attribute: Attribute): string | undefined =>
  attribute.type === 'relation'
    ? attribute.target
    : attribute.type === 'component'
      ? attribute.component
      : attribute.type === 'media'
        ? 'plugin::upload.file'
        : undefined;
