/**
 * The site build stamp (src/site-build.ts): `pnpm cluster` reuses apps/web/.next only when it was
 * built for this cluster's origins and nobody has rebuilt it since.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';

import { clusterConfig } from '../src/config';
import { siteBuildEnv, siteEnv } from '../src/part-env';
import { siteRebuildReason, stampSiteBuild } from '../src/site-build';

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');

const made: string[] = [];
after(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

function fakeWebDir(buildId?: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nourish-site-build-'));
  made.push(dir);
  fs.mkdirSync(path.join(dir, '.next'));
  if (buildId) fs.writeFileSync(path.join(dir, '.next', 'BUILD_ID'), buildId);
  return dir;
}

describe('site build stamp', () => {
  const env = siteBuildEnv(clusterConfig(ROOT, { CLUSTER_PORT_BASE: '4300' }));

  it('builds when there is no build, or one without the stamp (built by another command)', () => {
    assert.equal(siteRebuildReason(fakeWebDir(), env), 'no build');
    assert.match(siteRebuildReason(fakeWebDir('abc'), env) ?? '', /not stamped/);
  });

  it('reuses a build stamped with the same environment and BUILD_ID', () => {
    const dir = fakeWebDir('abc');
    stampSiteBuild(dir, env);
    assert.equal(siteRebuildReason(dir, env), undefined);
    assert.equal(siteRebuildReason(dir, { ...env }), undefined);
  });

  it('rebuilds for other origins (another port block) or after another build', () => {
    const dir = fakeWebDir('abc');
    stampSiteBuild(dir, env);
    const other = siteBuildEnv(clusterConfig(ROOT, { CLUSTER_PORT_BASE: '4400' }));
    assert.match(siteRebuildReason(dir, other) ?? '', /other origins/);
    fs.writeFileSync(path.join(dir, '.next', 'BUILD_ID'), 'def');
    assert.match(siteRebuildReason(dir, env) ?? '', /rebuilt since/);
  });

  it('gives the sites the origins next.config.ts reads at start, the build’s on every instance', () => {
    const config = clusterConfig(ROOT, { CLUSTER_PORT_BASE: '4300' });
    for (const index of [0, 1] as const) {
      assert.equal(siteEnv(config, index).MEDIA_URL, env.MEDIA_URL);
      assert.equal(siteEnv(config, index).CMS_PUBLIC_URL, env.CMS_PUBLIC_URL);
    }
    assert.equal(env.MEDIA_URL, 'http://127.0.0.1:4330/nourish-media');
    assert.equal(siteEnv(config, 1).STRAPI_URL, 'http://127.0.0.1:4312');
  });
});
