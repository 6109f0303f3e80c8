/**
 * Docker does not run on our machines, so this reads apps/cms/Dockerfile: every workspace package
 * the CMS depends on is in the image before `pnpm install` (its package.json) and, when the CMS
 * uses it at build or run time, before `pnpm build` (its files); and the runtime image has the
 * PostgreSQL client tools `pnpm backup`/`pnpm restore` run, of the compose server's major version.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { it } from 'node:test';

import { APP_DIR } from './helpers/cms-server';

const ROOT = path.resolve(APP_DIR, '..', '..');
type Manifest = { name: string; dependencies?: Record<string, string>; devDependencies?: Record<string, string> };
const manifest = (dir: string) => JSON.parse(fs.readFileSync(path.join(ROOT, dir, 'package.json'), 'utf8')) as Manifest;

const workspaceDirs = new Map(
  fs.readdirSync(path.join(ROOT, 'packages')).map((name) => [manifest(`packages/${name}`).name, `packages/${name}`]),
);
const workspaceDeps = (deps: Record<string, string> = {}) =>
  Object.entries(deps)
    .filter(([, version]) => version.startsWith('workspace:'))
    .map(([name]) => {
      const dir = workspaceDirs.get(name);
      assert.ok(dir, `${name} is a workspace package under packages/`);
      return dir;
    });

it('the CMS image holds every workspace package the CMS depends on', () => {
  const lines = fs.readFileSync(path.join(APP_DIR, 'Dockerfile'), 'utf8').split('\n');
  const lineOf = (text: string) => lines.findIndex((line) => line.trim() === text);
  const install = lines.findIndex((line) => line.startsWith('RUN pnpm install'));
  const build = lines.findIndex((line) => line.includes('pnpm build'));
  assert.ok(install > 0 && build > install, 'the Dockerfile installs, then builds');
  const cms = manifest('apps/cms');
  const runtime = workspaceDeps(cms.dependencies);
  assert.ok(runtime.includes('packages/content'), 'the CMS depends on the contract');
  for (const dir of [...runtime, ...workspaceDeps(cms.devDependencies)]) {
    const copied = lineOf(`COPY ${dir}/package.json ${dir}/`);
    assert.ok(copied > 0 && copied < install, `COPY ${dir}/package.json ${dir}/ before the install`);
  }
  for (const dir of runtime) {
    const copied = lineOf(`COPY ${dir} ${dir}`);
    assert.ok(copied > install && copied < build, `COPY ${dir} ${dir} between the install and the build`);
  }
});

it("the CMS image has pg_dump and pg_restore of the compose PostgreSQL's major version", () => {
  const dockerfile = fs.readFileSync(path.join(APP_DIR, 'Dockerfile'), 'utf8');
  const runtime = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
  const major = /^ARG PG_MAJOR=(\d+)$/m.exec(runtime)?.[1];
  assert.ok(major, 'the runtime stage names the PostgreSQL major version (ARG PG_MAJOR)');
  assert.match(runtime, /apt-get install [^\n]*postgresql-client-\$\{PG_MAJOR\}/, 'and installs its client');
  assert.match(runtime, /apt\.postgresql\.org\/pub\/repos\/apt bookworm-pgdg main/, "from PostgreSQL's repository");
  const compose = fs.readFileSync(path.join(ROOT, 'docker-compose.yml'), 'utf8');
  const server = /image: postgres:(\d+)/.exec(compose)?.[1];
  assert.equal(major, server, 'pg_dump refuses a server newer than itself: the same major as compose');
});
