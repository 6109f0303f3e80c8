/**
 * Authors and topics of imported articles: matched to existing ones by slug, then by name
 * (ignoring case), else created. Created topics are never health topics: an editor decides that,
 * since it changes who may publish.
 */
import type { Core } from '@strapi/strapi';

import { clip } from '../seed/run';
import type { SourcePerson, SourceTopic } from './source-article';
import { slugify } from './slugs';

type Found = { documentId: string; name: string };

const AUTHOR = 'api::author.author';
const TOPIC = 'api::topic.topic';

const match = async (strapi: Core.Strapi, uid: typeof AUTHOR | typeof TOPIC, name: string, slug?: string) => {
  const query = strapi.db.query(uid);
  const select = ['documentId', 'name'];
  const bySlug = slug ? ((await query.findOne({ where: { slug }, select })) as Found | null) : null;
  return bySlug ?? ((await query.findOne({ where: { name: { $eqi: name } }, select })) as Found | null);
};

export type Created = (what: string) => void;

export const authorId = async (strapi: Core.Strapi, person: SourcePerson, created: Created): Promise<string> => {
  const found = await match(strapi, AUTHOR, person.name, person.slug);
  if (found) return found.documentId;
  const doc = await strapi.documents(AUTHOR).create({
    data: {
      name: clip(person.name, 120),
      slug: person.slug ?? slugify(person.name),
      medicalReviewer: false,
      ...(person.bio ? { bio: clip(person.bio, 1500) } : {}),
    } as never,
  });
  created(`author "${person.name}"`);
  return doc.documentId;
};

export const topicIds = async (strapi: Core.Strapi, topics: SourceTopic[], created: Created) => {
  const ids: string[] = [];
  for (const topic of topics) {
    const found = await match(strapi, TOPIC, topic.name, topic.slug);
    if (found) {
      ids.push(found.documentId);
      continue;
    }
    const doc = await strapi.documents(TOPIC).create({
      data: { name: clip(topic.name, 80), slug: topic.slug ?? slugify(topic.name), healthTopic: false } as never,
    });
    created(`topic "${topic.name}" (not a health topic; change it in the admin if it is one)`);
    ids.push(doc.documentId);
  }
  return [...new Set(ids)];
};

/** Whether an author is marked medical reviewer, and whether any of the topics is a health topic. */
export const isMedicalReviewer = async (strapi: Core.Strapi, documentId: string) =>
  Boolean(
    (
      (await strapi.db.query(AUTHOR).findOne({ where: { documentId }, select: ['medicalReviewer'] })) as {
        medicalReviewer: boolean;
      } | null
    )?.medicalReviewer,
  );

export const healthTopicNames = async (strapi: Core.Strapi, documentIds: string[]) =>
  (
    (await strapi.db.query(TOPIC).findMany({
      where: { documentId: { $in: documentIds }, healthTopic: true },
      select: ['name'],
    })) as Array<{ name: string }>
  ).map((t) => t.name);
