/**
 * A CMS instance killed (SIGKILL) in the middle of a publish leaves nothing half-done: the article
 * is wholly the old version or wholly the new one (draft and published rows, slug, redirect,
 * search row, body and rails), a publish that was answered 2xx is the new one, its notification
 * reaches the site even when the site was down or the writer died, and a scheduled publish whose
 * instance dies mid-way happens exactly once, from the other instance.
 *
 * Two instances on one PostgreSQL database. Ports: CLUSTER_TEST_PORT_BASE + 11..13 (default
 * 4211..4213); the database is named by CLUSTER_TEST_DB_PREFIX (default "wtb_").
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import pg from 'pg';

import { startCms, type CmsServer } from '../helpers/cms-server';
import { DB_PREFIX, PORT_BASE, clusterCmsEnv, loginEditor, startInstances } from '../helpers/cluster-cms';
import { createTestDatabase, type TestDatabase } from '../helpers/databases';
import { AdminSession, connect, send, type One } from '../helpers/http';
import { startWebhookReceiver } from '../helpers/site-webhook';
import { createTestArticle, paragraph } from '../helpers/test-article';
import { sleep, waitUntil } from '../helpers/wait-until';

const REVALIDATE_SECRET = 'crash-test-revalidate-secret-0123456789';
const NAMES = ['cms-a', 'cms-b'] as const;
/** Words only one version of an article's body holds, looked up in its search row. */
const OLD_WORD = 'alpha';
const NEW_WORD = 'omega';

/** What the database holds for one article, as the assertions compare it. */
type Snapshot = {
  drafts: number;
  published: number;
  draftSlug: string | null;
  slug: string | null;
  body: string;
  rails: Array<string | null>;
  search: { old: boolean; new: boolean } | null;
  redirectTo: string | null;
};

type Version = { slug: string; word: string; rails: string[] };

describe('a CMS instance killed during a publish', { timeout: 1_500_000 }, () => {
  let db: TestDatabase | undefined;
  let sql: pg.Client | undefined;
  let webhook: Awaited<ReturnType<typeof startWebhookReceiver>> | undefined;
  const cms: CmsServer[] = [];
  const editors: AdminSession[] = [];
  let targets: string[] = [];

  const client = () => sql ?? assert.fail('no database client');
  const hook = () => webhook ?? assert.fail('no webhook receiver');
  const server = (i: number) => cms[i] ?? assert.fail(`no CMS ${String(i)}`);
  const editor = (i: number) => editors[i] ?? assert.fail(`no editor session ${String(i)}`);

  /** Each instance names its connections, so the test can tell whose backend waits on a lock. */
  const envFor = (i: number) => {
    const env = db?.env ?? assert.fail('no database');
    const url = new URL(env.DATABASE_URL ?? assert.fail('no database URL'));
    url.searchParams.set('application_name', NAMES[i] ?? assert.fail(`no name ${String(i)}`));
    return {
      ...clusterCmsEnv(env, hook().url, REVALIDATE_SECRET),
      DATABASE_URL: url.toString(),
      PORT: String(PORT_BASE + 11 + i),
    };
  };

  const restart = async (i: number) => {
    await server(i).kill();
    cms[i] = await startCms(envFor(i));
  };

  before(async () => {
    db = await createTestDatabase('postgres', DB_PREFIX);
    sql = new pg.Client({ connectionString: db.env.DATABASE_URL });
    await sql.connect();
    webhook = await startWebhookReceiver(PORT_BASE + 13);
    await startInstances(cms, [envFor(0), envFor(1)]);
    for (const s of cms) editors.push(await loginEditor(s));
    // Published articles for the rails to point at.
    targets = [];
    for (const slug of ['crash-target-1', 'crash-target-2', 'crash-target-3']) {
      const doc = await createTestArticle(editor(0), slug);
      assert.equal((await editor(0).publishArticle(doc.documentId)).status, 200);
      targets.push(doc.documentId);
    }
  });

  after(async () => {
    await Promise.all(cms.map((s) => s.stop()));
    await sql?.end();
    await webhook?.close();
    await db?.drop();
  });

  const snapshot = async (documentId: string): Promise<Snapshot> => {
    const q = client();
    const { rows } = await q.query<{ id: number; slug: string; published: boolean }>(
      'select id, slug, published_at is not null as published from articles where document_id = $1',
      [documentId],
    );
    const live = rows.filter((r) => r.published);
    const draft = rows.find((r) => !r.published);
    const row = live[0];
    if (!row) {
      return {
        drafts: rows.length,
        published: 0,
        draftSlug: draft?.slug ?? null,
        slug: null,
        body: '',
        rails: [],
        search: null,
        redirectTo: null,
      };
    }
    const body = await q.query<{ body: string }>(
      `select r.body::text as body from articles_cmps l join components_content_rich_texts r on r.id = l.cmp_id
       where l.entity_id = $1 and l.component_type = 'content.rich-text' order by l.id`,
      [row.id],
    );
    const rails = await q.query<{ target: string | null }>(
      `select c.target_document_id as target from articles_cmps l
       join components_related_recommended_items c on c.id = l.cmp_id
       where l.entity_id = $1 and l.component_type = 'related.recommended-item' and l.field = 'recommended'
       order by l."order"`,
      [row.id],
    );
    const search = await q.query<{ old: boolean; new: boolean }>(
      `select tsv @@ to_tsquery('english', $2) as old, tsv @@ to_tsquery('english', $3) as new
       from article_search where document_id = $1`,
      [documentId, OLD_WORD, NEW_WORD],
    );
    return {
      drafts: rows.length - live.length,
      published: live.length,
      draftSlug: draft?.slug ?? null,
      slug: row.slug,
      body: body.rows.map((r) => r.body).join(' '),
      rails: rails.rows.map((r) => r.target),
      search: search.rows[0] ?? null,
      redirectTo: null,
    };
  };

  const redirectFrom = async (slug: string) => {
    const { rows } = await client().query<{ to: string; origin: string }>(
      'select "to", origin from redirects where "from" = $1',
      [`/articles/${slug}`],
    );
    return rows.map((r) => `${r.origin} ${r.to}`);
  };

  /** The published version is exactly `version`, with everything that belongs to it. */
  const assertWhollyPublished = async (documentId: string, version: Version, draftSlug: string, what: string) => {
    const now = await snapshot(documentId);
    assert.equal(now.drafts, 1, `${what}: one draft row`);
    assert.equal(now.published, 1, `${what}: one published row`);
    assert.equal(now.draftSlug, draftSlug, `${what}: the draft is untouched`);
    assert.equal(now.slug, version.slug, `${what}: published slug`);
    const other = version.word === OLD_WORD ? NEW_WORD : OLD_WORD;
    assert.ok(now.body.includes(version.word) && !now.body.includes(other), `${what}: body ${now.body}`);
    assert.deepEqual(now.rails, version.rails, `${what}: rails`);
    assert.deepEqual(
      now.search,
      { old: version.word === OLD_WORD, new: version.word === NEW_WORD },
      `${what}: search row`,
    );
  };

  const publishNotifications = (documentId: string) =>
    hook().received.filter((n) => n.body.documentId === documentId && n.body.action === 'publish').length;

  /**
   * A published article ("old": slug, body word, one rail) whose draft then changes slug, body and
   * rails ("new"), ready for a publish that the test interrupts.
   */
  const preparedArticle = async (name: string) => {
    const old: Version = { slug: `${name}-old`, word: OLD_WORD, rails: [targets[0] ?? ''] };
    const next: Version = { slug: `${name}-new`, word: NEW_WORD, rails: [targets[1] ?? '', targets[2] ?? ''] };
    const doc = await createTestArticle(editor(0), old.slug, {
      body: paragraph(`Body ${OLD_WORD} of ${name}`),
      recommended: old.rails.map((id) => ({ article: connect(id) })),
    });
    assert.equal((await editor(0).publishArticle(doc.documentId)).status, 200);
    await hook().waitFor((n) => n.body.documentId === doc.documentId && n.body.action === 'publish', 30_000);
    const update = await editor(0).updateArticle(doc.documentId, {
      slug: next.slug,
      body: paragraph(`Body ${NEW_WORD} of ${name}`),
      recommended: next.rails.map((id) => ({ article: connect(id) })),
    });
    assert.equal(update.status, 200, update.text);
    await assertWhollyPublished(doc.documentId, old, next.slug, `${name} before the publish`);
    return { documentId: doc.documentId, old, next };
  };

  /** The outcome after a crash: wholly old, or wholly new with its redirect and, in time, its notification. */
  const assertOldOrNew = async (
    article: Awaited<ReturnType<typeof preparedArticle>>,
    answered: number | null,
    what: string,
  ) => {
    const { documentId, old, next } = article;
    const state = await snapshot(documentId);
    if (answered !== null && answered >= 200 && answered < 300) {
      assert.equal(state.slug, next.slug, `${what}: answered ${String(answered)}, so the new version is live`);
    }
    if (state.slug === next.slug) {
      await assertWhollyPublished(documentId, next, next.slug, `${what} (new)`);
      assert.deepEqual(await redirectFrom(old.slug), [`slug-change /articles/${next.slug}`], `${what}: redirect`);
      // Whoever wrote it died maybe before sending: the other instance's retry job delivers it.
      await waitUntil(
        () => Promise.resolve(publishNotifications(documentId) >= 2),
        90_000,
        `${what}: the notification of the new version`,
      );
      return 'new';
    }
    await assertWhollyPublished(documentId, old, next.slug, `${what} (old)`);
    assert.deepEqual(await redirectFrom(old.slug), [], `${what}: no redirect`);
    const { rows } = await client().query<{ n: string }>(
      `select count(*) as n from site_notification_outbox where payload::json->>'documentId' = $1`,
      [documentId],
    );
    assert.equal(Number(rows[0]?.n), 0, `${what}: no notification queued for a publish that did not happen`);
    assert.equal(publishNotifications(documentId), 1, `${what}: only the first publish was notified`);
    return 'old';
  };

  /** Waits until a backend of instance `name` is blocked on a table lock; resolves with nothing. */
  const waitForTableLockWait = (name: string, what: string) =>
    waitUntil(
      async () => {
        const { rows } = await client().query(
          `select 1 from pg_stat_activity where application_name = $1 and wait_event_type = 'Lock' and wait_event = 'relation'`,
          [name],
        );
        return rows.length > 0;
      },
      60_000,
      what,
    );

  /** Holds an exclusive lock on the search table, so a publish stops at its search row. */
  const lockSearchTable = async () => {
    const locker = new pg.Client({ connectionString: db?.env.DATABASE_URL });
    await locker.connect();
    await locker.query('begin');
    await locker.query('lock table article_search in access exclusive mode');
    return {
      release: async () => {
        await locker.query('rollback');
        await locker.end();
      },
    };
  };

  /** Until the killed instance's backend is gone, its transaction may still hold row locks. */
  const waitForBackendsGone = (name: string) =>
    waitUntil(
      async () => {
        const { rows } = await client().query('select 1 from pg_stat_activity where application_name = $1', [name]);
        return rows.length === 0;
      },
      60_000,
      `the backends of the killed ${name} to end`,
    );

  /**
   * Starts `write` on instance A while the search table is locked, kills A once the write waits
   * there (inside its transaction), and returns once A's backends, and so its locks, are gone.
   */
  const killAtSearchRow = async (action: string, write: () => Promise<{ status: number }>) => {
    const lock = await lockSearchTable();
    const pending = write()
      .then((res) => res.status)
      .catch(() => null);
    try {
      await waitForTableLockWait('cms-a', `the ${action} reaching the search row`);
      await server(0).kill();
    } finally {
      await lock.release();
    }
    assert.equal(await pending, null, `the ${action} got no answer`);
    await waitForBackendsGone('cms-a');
  };

  describe('publishing an article with a changed slug, body and rails', () => {
    let publishMs = 0;

    it('publishes wholly when nothing goes wrong (and measures how long that takes)', async () => {
      const article = await preparedArticle('crash-reference');
      const started = Date.now();
      const res = await editor(0).publishArticle(article.documentId);
      publishMs = Date.now() - started;
      assert.equal(res.status, 200, res.text);
      assert.equal(await assertOldOrNew(article, res.status, 'uninterrupted publish'), 'new');
      assert.equal(publishNotifications(article.documentId), 2, 'one notification per publish');
    });

    it('is wholly old when the instance dies while the publish waits inside its transaction', async () => {
      const article = await preparedArticle('crash-locked');
      await killAtSearchRow('publish', () => editor(0).publishArticle(article.documentId));
      assert.equal(await assertOldOrNew(article, null, 'killed at the search row'), 'old');
      await restart(0);
    });

    // The content manager runs a delete outside any transaction of its own: only ours keeps the
    // rows and the search row together.
    it('keeps a deleted article whole when the instance dies before its search row is gone', async () => {
      const doc = await createTestArticle(editor(0), 'crash-delete');
      assert.equal((await editor(0).publishArticle(doc.documentId)).status, 200);
      await killAtSearchRow('delete', () => editor(0).deleteArticle(doc.documentId));
      const state = await snapshot(doc.documentId);
      assert.deepEqual(
        [state.drafts, state.published, state.slug],
        [1, 1, 'crash-delete'],
        'both rows are still there',
      );
      assert.notEqual(state.search, null, 'and so is its search row');
      await restart(0);
    });

    // Kills at fractions of a measured publish: each lands wherever the publish happens to be
    // (before the commit, between the commit and the answer or the notification, or after both).
    for (const [round, fraction] of [0.2, 0.5, 0.8, 1.0, 1.5, 3.0].entries()) {
      it(`is wholly old or wholly new when killed at ${String(fraction)} of a publish`, async () => {
        const i = round % 2;
        const article = await preparedArticle(`crash-round-${String(round)}`);
        const pending = editor(i)
          .publishArticle(article.documentId)
          .then((res) => res.status)
          .catch(() => null);
        await sleep(Math.round(publishMs * fraction));
        await server(i).kill();
        const answered = await pending;
        await waitForBackendsGone(NAMES[i] ?? '');
        const outcome = await assertOldOrNew(article, answered, `killed at ${String(fraction)}`);
        process.stdout.write(
          `# kill at ${String(fraction)} of ${String(publishMs)} ms: answered ${String(answered)}, ${outcome}\n`,
        );
        await restart(i);
      });
    }
  });

  describe('site notifications', () => {
    it('reach the site once it is back after refusing them', async () => {
      hook().failWith(503);
      let documentId = '';
      try {
        const doc = await createTestArticle(editor(1), 'crash-site-down');
        documentId = doc.documentId;
        assert.equal((await editor(1).publishArticle(documentId)).status, 200);
        // The writer's own try right after the commit, and then at least one retry.
        await waitUntil(
          () =>
            Promise.resolve(
              hook().refused.filter((n) => n.body.documentId === documentId && n.body.action === 'publish').length >= 2,
            ),
          60_000,
          'two refused deliveries',
        );
        assert.equal(publishNotifications(documentId), 0);
      } finally {
        hook().failWith(null);
      }
      const got = await hook().waitFor((n) => n.body.documentId === documentId && n.body.action === 'publish', 90_000);
      assert.deepEqual(got.body.slugs, ['crash-site-down'], 'the payload as the site expects it');
      await waitUntil(
        async () => {
          const { rows } = await client().query<{ n: string }>('select count(*) as n from site_notification_outbox');
          return Number(rows[0]?.n) === 0;
        },
        30_000,
        'the outbox to empty',
      );
      await sleep(6_000);
      assert.equal(publishNotifications(documentId), 1, 'delivered once the site took it');
    });
  });

  describe('scheduled publishing', () => {
    it('happens exactly once when the instance doing it dies mid-way', async () => {
      const lock = await lockSearchTable();
      let documentId = '';
      let killed = -1;
      try {
        const at = new Date(Date.now() + 2000).toISOString();
        documentId = (await createTestArticle(editor(0), 'crash-scheduled', { scheduledPublishAt: at })).documentId;
        // Whichever instance claimed it is now stuck at the search row; the other waits for the claim's row lock.
        await waitUntil(
          async () => {
            const { rows } = await client().query<{ name: string }>(
              `select application_name as name from pg_stat_activity
               where application_name = any($1) and wait_event_type = 'Lock' and wait_event = 'relation'`,
              [[...NAMES]],
            );
            killed = NAMES.indexOf(rows[0]?.name as (typeof NAMES)[number]);
            return killed >= 0;
          },
          60_000,
          'a scheduled publish reaching the search row',
        );
        await server(killed).kill();
      } finally {
        await lock.release();
      }
      const survivor = 1 - killed;
      await waitUntil(
        async () => (await snapshot(documentId)).published === 1,
        60_000,
        'the scheduled publish by the surviving instance',
      );
      await hook().waitFor((n) => n.body.documentId === documentId && n.body.action === 'publish', 60_000);
      // More cron ticks: nothing is published or notified again.
      await sleep(12_000);
      const state = await snapshot(documentId);
      assert.equal(state.published, 1, 'one published version');
      assert.equal(state.drafts, 1, 'one draft');
      assert.deepEqual(state.search, { old: false, new: false }, 'its search row');
      assert.equal(publishNotifications(documentId), 1, 'one notification');
      assert.equal(
        server(survivor).output().split(`Scheduled publish of ${documentId}`).length - 1,
        1,
        'published by the survivor',
      );
      assert.equal(server(killed).output().includes(`Scheduled publish of ${documentId}`), false);
      await restart(killed);
    });

    it('refused by the publish rules, is cleared and logged once, not retried', async () => {
      const topic = await send<One<{ documentId: string }>>(
        'POST',
        `${server(0).url}/content-manager/collection-types/api::topic.topic`,
        { name: 'Crash health', slug: 'crash-health', healthTopic: true },
        await editor(0).accessToken(),
      );
      assert.equal(topic.status, 201, topic.text);
      const at = new Date(Date.now() + 2000).toISOString();
      const { documentId } = await createTestArticle(editor(1), 'crash-refused', {
        scheduledPublishAt: at,
        topics: connect(topic.body.data.documentId),
      });
      await waitUntil(
        async () => {
          const { rows } = await client().query(
            'select 1 from articles where document_id = $1 and scheduled_publish_at is null',
            [documentId],
          );
          return rows.length > 0;
        },
        60_000,
        'the refused schedule to be cleared',
      );
      await sleep(12_000);
      assert.equal((await snapshot(documentId)).published, 0, 'not published');
      const failures = cms.reduce(
        (n, s) => n + s.output().split(`Scheduled publish of ${documentId} failed`).length - 1,
        0,
      );
      assert.equal(failures, 1, 'logged once across both instances');
    });
  });
});
