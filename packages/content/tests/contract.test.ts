/**
 * The contract test: the CMS's content model and the zod schemas agree, both ways, on everything
 * the site's queries read. A renamed, retyped, added or dropped field fails here with its name.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { z } from 'zod';

import type { StrapiQuery } from '../src/client';
import {
  articleListQuery,
  articlePageSelection,
  authorListQuery,
  homePageQuery,
  redirectByPathQuery,
  siteSettingsQuery,
  topicListQuery,
} from '../src/queries';
import {
  articleHistorySelection,
  articleSchema,
  historyEntrySchema,
  articleStampSchema,
  articleSummarySchema,
  authorSchema,
  homePageSchema,
  redirectSchema,
  siteSettingSchema,
  topicSchema,
} from '../src/schemas';
import { clone } from './helpers';
import { contractDrift, readStrapiModels, UPLOAD_FILE_MODEL, type StrapiModels } from './contract-drift';

type Case = { name: string; uid: string; schema: z.ZodObject; query: StrapiQuery };

/** Each document shape the site reads, with the query that reads it. */
const CASES: Case[] = [
  // `history` is not an article attribute: the page read model embeds article-history records.
  {
    name: 'article',
    uid: 'api::article.article',
    schema: articleSchema.omit({ history: true }),
    query: articlePageSelection,
  },
  {
    name: 'article.history',
    uid: 'api::article-history.article-history',
    schema: historyEntrySchema,
    query: articleHistorySelection,
  },
  {
    name: 'articleSummary',
    uid: 'api::article.article',
    schema: articleSummarySchema,
    query: articleListQuery({}, 1, 12),
  },
  // The sitemap route's fields (apps/cms/src/api/article/services/sitemap.ts).
  {
    name: 'articleStamp',
    uid: 'api::article.article',
    schema: articleStampSchema,
    query: { fields: ['slug', 'contentUpdatedAt'] },
  },
  { name: 'author', uid: 'api::author.author', schema: authorSchema, query: authorListQuery },
  { name: 'topic', uid: 'api::topic.topic', schema: topicSchema, query: topicListQuery },
  { name: 'homePage', uid: 'api::home-page.home-page', schema: homePageSchema, query: homePageQuery },
  { name: 'siteSetting', uid: 'api::site-setting.site-setting', schema: siteSettingSchema, query: siteSettingsQuery },
  { name: 'redirect', uid: 'api::redirect.redirect', schema: redirectSchema, query: redirectByPathQuery('/x') },
];

const MODELS: StrapiModels = { ...readStrapiModels(), 'plugin::upload.file': UPLOAD_FILE_MODEL };
const drift = (models: StrapiModels) => CASES.flatMap((c) => contractDrift(models, c.uid, c.schema, c.query, c.name));

describe('the CMS content model and the zod schemas agree', () => {
  it('on every field, relation, component and block kind the site reads', () => {
    const problems = drift(MODELS);
    assert.deepEqual(problems, [], `contract drift:\n${problems.join('\n')}`);
  });
});

describe('the contract test catches drift', () => {
  const changed = (edit: (models: StrapiModels) => void) => {
    const models = clone(MODELS);
    edit(models);
    return drift(models);
  };
  const article = (models: StrapiModels) => models['api::article.article']!.attributes;

  it('in the article history the page embeds', () => {
    const problems = changed((models) => {
      const history = models['api::article-history.article-history']!.attributes;
      history.happenedAt = history.occurredAt!;
      delete history.occurredAt;
      history.note = { ...history.note!, private: true };
    });
    assert.ok(
      problems.includes(
        "article.history.occurredAt: the site's query asks for it, the CMS (api::article-history.article-history) has no such attribute",
      ),
      problems.join('\n'),
    );
    assert.ok(
      problems.includes(
        "article.history.note: the site's query asks for it, the CMS (api::article-history.article-history) keeps it private",
      ),
      problems.join('\n'),
    );
  });

  it('a renamed CMS attribute', () => {
    const problems = changed((models) => {
      const attributes = article(models);
      attributes.standfirst = attributes.excerpt!;
      delete attributes.excerpt;
    });
    assert.ok(
      problems.includes(
        "article.excerpt: the site's query asks for it, the CMS (api::article.article) has no such attribute",
      ),
      problems.join('\n'),
    );
    assert.ok(
      problems.includes('article.excerpt: in the zod schema, the CMS (api::article.article) has no such attribute'),
      problems.join('\n'),
    );
  });

  it('a type change', () => {
    const problems = changed((models) => {
      models['shared.reference']!.attributes.year = { type: 'string' };
    });
    assert.ok(
      problems.includes('article.references.year: the CMS sends string (string), the zod schema expects number'),
      problems.join('\n'),
    );
  });

  it('a field the CMS makes optional that the zod schema requires', () => {
    const problems = changed((models) => {
      article(models).title = { type: 'string' };
    });
    assert.ok(
      problems.includes('article.title: optional in the CMS, required (not nullable) in the zod schema'),
      problems.join('\n'),
    );
  });

  it('a new block kind, and a new enumeration value', () => {
    const problems = changed((models) => {
      article(models).body!.components!.push('content.video');
      models['content.callout']!.attributes.variant!.enum!.push('tip');
    });
    assert.ok(
      problems.includes('article.body: the CMS allows content.video, the zod schema lacks it'),
      problems.join('\n'),
    );
    assert.ok(
      problems.some((p) =>
        p.startsWith('article.body[content.callout].variant: the CMS allows [note, warning, disclaimer, tip]'),
      ),
      problems.join('\n'),
    );
  });

  it('a relation that became a list', () => {
    const problems = changed((models) => {
      article(models).author!.relation = 'manyToMany';
    });
    assert.ok(
      problems.includes('article.author: the CMS sends relation (object[]), the zod schema expects object'),
      problems.join('\n'),
    );
  });
});
