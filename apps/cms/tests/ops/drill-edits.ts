/**
 * The edits the restore drill makes on a freshly seeded CMS before backing it up: one of every
 * kind an editor or administrator makes, each through the real admin API.
 */
import assert from 'node:assert/strict';

import sharp from 'sharp';

import { exampleEnv } from '../helpers/cms-server';
import { first } from '../helpers/found';
import { AdminSession, connect, getJson, send, type One } from '../helpers/http';

/** What the drill made, to be checked again on the restored CMS. */
export type DrillEdits = {
  /** The new article's slug after its rename, and the slug it left behind as a redirect. */
  slug: string;
  oldSlug: string;
  /** A draft scheduled for publication (private field: read through the content manager). */
  scheduled: { documentId: string; scheduledPublishAt: string };
  /** The new admin account, its role, and that role's permissions as the admin lists them. */
  admin: { email: string; password: string; roleId: number; roleName: string };
  /** A read-only API token's key. */
  apiToken: string;
  /** A word only the new article contains, for the search route. */
  searchWord: string;
  /** The health topic the drill created for its article. */
  topicSlug: string;
};

type List<T> = { results: T[] };
type Uploaded = { id: number; url: string };

const text = (value: string) => ({ type: 'text', text: value });

/** Every body block type the article model has, with text of our own. */
const allBlocks = (imageId: number) => [
  {
    __component: 'content.rich-text',
    body: [
      { type: 'heading', level: 2, children: [text('Why the drill restores this page')] },
      { type: 'paragraph', children: [text('Quarrywhistle paragraphs prove that rich text survives a restore.')] },
      {
        type: 'list',
        format: 'unordered',
        children: [
          { type: 'list-item', children: [text('A first listed point')] },
          { type: 'list-item', children: [text('A second listed point')] },
        ],
      },
    ],
  },
  {
    __component: 'content.key-takeaways',
    title: 'What to keep',
    items: [{ text: 'Backups are tested.' }, { text: 'Restores are rehearsed.' }],
  },
  {
    __component: 'content.callout',
    variant: 'warning',
    title: 'Drill only',
    body: 'This article exists to be backed up.',
  },
  {
    __component: 'content.pull-quote',
    quote: 'A backup nobody restored is a hope.',
    attribution: 'The operations handbook',
  },
  {
    __component: 'content.figure',
    image: imageId,
    alt: 'A green square',
    caption: 'A small test image',
    credit: 'Drill',
  },
];

export const makeDrillEdits = async (base: string, runId: string): Promise<DrillEdits> => {
  const login = (prefix: string) =>
    AdminSession.login(base, exampleEnv(`${prefix}_EMAIL`), exampleEnv(`${prefix}_PASSWORD`));
  const editor = await login('EDITOR');
  const superAdmin = await login('ADMIN');
  const reviewer = await login('REVIEWER');
  const editorToken = await editor.accessToken();
  const adminToken = await superAdmin.accessToken();
  const cm = (uid: string, rest = '') => `${base}/content-manager/collection-types/${uid}${rest}`;

  // An uploaded image, used as the cover and in a figure.
  const png = await sharp({ create: { width: 12, height: 8, channels: 3, background: '#3a8f5c' } })
    .png()
    .toBuffer();
  const upload = await editor.upload(`drill-${runId}.png`, png, 'image/png');
  assert.equal(upload.status, 201, upload.text);
  const image = first(upload.body as Uploaded[], 'uploaded image');

  const reviewerAuthor = await getJson<List<{ documentId: string }>>(
    cm('api::author.author', '?filters[slug][$eq]=amara-okafor'),
    editorToken,
  );
  const amara = first(reviewerAuthor.body.results, 'the demo reviewer').documentId;
  const topicSlug = `drill-topic-${runId}`;
  const topic = await send<One<{ documentId: string }>>(
    'POST',
    cm('api::topic.topic'),
    { name: `Drill topic ${runId}`, slug: topicSlug, healthTopic: true, reviewIntervalMonths: 6 },
    editorToken,
  );
  assert.equal(topic.status, 201, topic.text);
  const demo = await getJson<List<{ documentId: string }>>(
    cm('api::article.article', '?filters[slug][$eq]=magnesium-glycinate'),
    editorToken,
  );
  const demoArticle = first(demo.body.results, 'the demo article').documentId;

  // The article: every block, both rails, a health topic with its reviewer, a cover.
  const oldSlug = `drill-original-${runId}`;
  const article = await editor.createArticle({
    title: `Restore drill ${runId}`,
    slug: oldSlug,
    excerpt: 'An article written by the restore drill, with every kind of block.',
    cover: image.id,
    coverAlt: 'A green square',
    body: allBlocks(image.id),
    topics: connect(topic.body.data.documentId),
    author: connect(amara),
    reviewer: connect(amara),
    recommended: [
      { article: connect(demoArticle) },
      { url: 'https://example.org/drill-reading', label: 'Further reading' },
    ],
    alsoLikePinned: [{ article: connect(demoArticle) }],
  });
  const published = await editor.publishArticle(article.documentId);
  assert.equal(published.status, 200, published.text);

  // A medical review sign-off (an article history record).
  const signOff = await send(
    'POST',
    `${base}/nourish-editorial/articles/${article.documentId}/sign-off`,
    {},
    await reviewer.accessToken(),
  );
  assert.equal(signOff.status, 200, signOff.text);

  // A slug change: the old URL becomes a redirect; a correction adds another history record.
  const slug = `drill-renamed-${runId}`;
  const renamed = await editor.updateArticle(article.documentId, {
    slug,
    updateKind: 'correction',
    changeNote: 'Renamed by the drill.',
  });
  assert.equal(renamed.status, 200, renamed.text);
  const republished = await editor.publishArticle(article.documentId);
  assert.equal(republished.status, 200, republished.text);

  // A draft scheduled for publication far ahead (the cron must not publish it during the drill).
  const scheduledPublishAt = '2031-01-02T03:04:00.000Z';
  const scheduled = await editor.createArticle({
    title: `Scheduled by the drill ${runId}`,
    slug: `drill-scheduled-${runId}`,
    excerpt: 'A draft waiting for its publication time.',
    coverAlt: 'None yet',
    body: [{ __component: 'content.callout', variant: 'note', body: 'Not yet.' }],
    scheduledPublishAt,
  });

  // A new admin role with one permission, a user in it who registers a password, an API token.
  const roleName = `Drill auditor ${runId}`;
  const role = await send<One<{ id: number }>>(
    'POST',
    `${base}/admin/roles`,
    { name: roleName, description: 'Reads topics' },
    adminToken,
  );
  assert.equal(role.status, 201, role.text);
  const roleId = role.body.data.id;
  const permissions = await send(
    'PUT',
    `${base}/admin/roles/${roleId}/permissions`,
    {
      permissions: [
        {
          action: 'plugin::content-manager.explorer.read',
          subject: 'api::topic.topic',
          properties: { fields: ['name', 'slug', 'description'] },
          conditions: [],
        },
      ],
    },
    adminToken,
  );
  assert.equal(permissions.status, 200, permissions.text);
  const email = `drill-${runId}@nourish.local`;
  const password = 'Drill-auditor-pass-1';
  const user = await send<One<{ registrationToken: string }>>(
    'POST',
    `${base}/admin/users`,
    { firstname: 'Drill', lastname: 'Auditor', email, roles: [roleId] },
    adminToken,
  );
  assert.equal(user.status, 201, user.text);
  const registered = await send('POST', `${base}/admin/register`, {
    registrationToken: user.body.data.registrationToken,
    userInfo: { firstname: 'Drill', lastname: 'Auditor', password },
  });
  assert.equal(registered.status, 200, registered.text);
  const token = await send<One<{ accessKey: string }>>(
    'POST',
    `${base}/admin/api-tokens`,
    {
      name: `drill-${runId}`,
      description: 'Read-only token made by the restore drill',
      type: 'read-only',
      lifespan: null,
    },
    adminToken,
  );
  assert.equal(token.status, 201, token.text);

  return {
    slug,
    oldSlug,
    scheduled: { documentId: scheduled.documentId, scheduledPublishAt },
    admin: { email, password, roleId, roleName },
    apiToken: token.body.data.accessKey,
    searchWord: 'quarrywhistle',
    topicSlug,
  };
};
