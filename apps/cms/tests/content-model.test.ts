/** The content model the site and editors rely on, read from Strapi's own schema files. */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';

import { APP_DIR } from './helpers/cms-server';
import { found } from './helpers/found';

type Attribute = {
  type: string;
  required?: boolean;
  unique?: boolean;
  maxLength?: number;
  private?: boolean;
  repeatable?: boolean;
  component?: string;
  components?: string[];
  target?: string;
  relation?: string;
  targetField?: string;
  allowedTypes?: string[];
};
type Schema = { kind?: string; options?: { draftAndPublish?: boolean }; attributes: Record<string, Attribute> };

const readJson = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8')) as Schema;
/** A schema's attributes by name, each asserted to be declared. */
const attributesOf = (schema: Schema, what: string) => (name: string) =>
  found(schema.attributes[name], `${what}.${name}`);
const contentType = (name: string) =>
  readJson(path.join(APP_DIR, 'src/api', name, 'content-types', name, 'schema.json'));
const componentFile = (uid: string) => path.join(APP_DIR, 'src/components', ...uid.split('.')) + '.json';
const apiNames = fs.readdirSync(path.join(APP_DIR, 'src/api'));

describe('content model', () => {
  it('has every content type the site and editors need', () => {
    assert.deepEqual(apiNames.sort(), [
      'article',
      'article-history',
      'author',
      'home-page',
      'import-record',
      'redirect',
      'site-setting',
      'topic',
    ]);
    assert.equal(contentType('site-setting').kind, 'singleType');
    assert.equal(contentType('home-page').kind, 'singleType');
  });

  it("keeps the importer's records private: no routes or controllers, hidden from the admin's menus", () => {
    const dir = path.join(APP_DIR, 'src/api/import-record');
    assert.deepEqual(fs.readdirSync(dir).sort(), ['content-types', 'services']);
    const schema = JSON.parse(
      fs.readFileSync(path.join(dir, 'content-types/import-record/schema.json'), 'utf8'),
    ) as Schema & { pluginOptions: Record<string, { visible?: boolean }> };
    assert.equal(schema.pluginOptions['content-manager']?.visible, false);
    assert.equal(schema.pluginOptions['content-type-builder']?.visible, false);
    const a = attributesOf(schema, 'import-record');
    assert.deepEqual([a('sourceKey').required, a('sourceKey').unique], [true, true]);
  });

  it('gives articles draft & publish and the fields the reader site renders', () => {
    const article = contentType('article');
    const a = attributesOf(article, 'article');
    assert.equal(article.options?.draftAndPublish, true);
    assert.deepEqual([a('title').required, a('title').maxLength], [true, 160]);
    assert.deepEqual([a('slug').type, a('slug').targetField], ['uid', 'title']);
    assert.deepEqual([a('excerpt').required, a('excerpt').maxLength], [true, 300]);
    assert.equal(a('cover').type, 'media');
    assert.deepEqual(a('cover').allowedTypes, ['images']);
    assert.equal(a('coverAlt').required, true, 'cover alt text is required');
    assert.deepEqual(a('body').components?.sort(), [
      'content.callout',
      'content.figure',
      'content.key-takeaways',
      'content.pull-quote',
      'content.rich-text',
    ]);
    assert.deepEqual([a('author').target, a('reviewer').target], ['api::author.author', 'api::author.author']);
    assert.deepEqual([a('topics').relation, a('topics').target], ['manyToMany', 'api::topic.topic']);
    for (const date of ['lastReviewedAt', 'nextReviewDue']) assert.equal(a(date).type, 'date');
    assert.deepEqual([a('references').repeatable, a('references').component], [true, 'shared.reference']);
    assert.equal(a('seo').component, 'shared.seo');
    for (const plan of ['scheduledPublishAt', 'scheduledUnpublishAt', 'nextReviewDue']) {
      assert.equal(a(plan).private, true, `${plan} is an editorial plan, private to the admin`);
    }
    for (const editorial of ['updateKind', 'changeNote', 'reviewRequired', 'reviewedContentHash']) {
      assert.equal(a(editorial).private, true, `${editorial} is editorial, private to the admin`);
    }
  });

  it('links reviewers to admin users and gives topics a review interval, both private', () => {
    const author = attributesOf(contentType('author'), 'author');
    assert.deepEqual([author('adminEmail').type, author('adminEmail').private], ['email', true]);
    const interval = found(contentType('topic').attributes.reviewIntervalMonths, 'topic.reviewIntervalMonths') as {
      type: string;
      private?: boolean;
      default?: number;
      min?: number;
      max?: number;
    };
    assert.deepEqual(
      [interval.type, interval.default, interval.min, interval.max, interval.private],
      ['integer', 12, 1, 60, true],
    );
  });

  it('stores related picks in repeatable components, so the editor order is kept', () => {
    const a = attributesOf(contentType('article'), 'article');
    assert.deepEqual([a('recommended').repeatable, a('recommended').component], [true, 'related.recommended-item']);
    assert.deepEqual([a('alsoLikePinned').repeatable, a('alsoLikeExcluded').repeatable], [true, true]);
    const item = attributesOf(readJson(componentFile('related.recommended-item')), 'recommended-item');
    assert.equal(item('article').target, 'api::article.article');
    assert.deepEqual(
      [item('url').type, item('label').type],
      ['string', 'string'],
      'external links have a URL and their own label',
    );
    assert.equal(item('targetDocumentId').private, true, 'the stored target never appears in the public API');
  });

  it('has authors with credentials and a reviewer flag, topics and site settings for the footer', () => {
    const author = contentType('author').attributes;
    for (const field of ['name', 'slug', 'credentials', 'roleTitle', 'bio', 'avatar', 'links', 'medicalReviewer']) {
      assert.ok(author[field], `author.${field}`);
    }
    const topic = contentType('topic').attributes;
    for (const field of ['name', 'slug', 'description']) assert.ok(topic[field], `topic.${field}`);
    const settings = contentType('site-setting').attributes;
    for (const field of [
      'siteName',
      'publisherName',
      'copyrightHolder',
      'copyrightStartYear',
      'footerLinks',
      'medicalDisclaimer',
      'defaultRecommended',
      'defaultSeo',
    ]) {
      assert.ok(settings[field], `site-setting.${field}`);
    }
    const home = attributesOf(contentType('home-page'), 'home-page');
    assert.equal(home('featured').component, 'related.article-pick');
    assert.equal(home('topicSections').repeatable, true);
  });

  it('references only components and content types that exist', () => {
    const schemas = [
      ...apiNames.map((name) => contentType(name)),
      ...fs
        .readdirSync(path.join(APP_DIR, 'src/components'))
        .flatMap((group) =>
          fs
            .readdirSync(path.join(APP_DIR, 'src/components', group))
            .map((f) => readJson(path.join(APP_DIR, 'src/components', group, f))),
        ),
    ];
    for (const schema of schemas) {
      for (const [name, attr] of Object.entries(schema.attributes)) {
        for (const uid of [attr.component, ...(attr.components ?? [])].filter(Boolean) as string[]) {
          assert.ok(fs.existsSync(componentFile(uid)), `${name} uses missing component ${uid}`);
        }
        if (attr.target?.startsWith('api::')) {
          const type = found(/^api::([\w-]+)\./.exec(attr.target)?.[1], `content type of ${attr.target}`);
          assert.ok(apiNames.includes(type), `${name} targets missing type ${attr.target}`);
        }
      }
    }
  });
});
