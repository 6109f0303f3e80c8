/**
 * `pnpm cluster`: the production topology as processes on loopback. Redis and an S3 server
 * (s3rver), a PostgreSQL database, two CMS instances on it (the first seeds the demo content once),
 * two site instances (one per CMS instance) and the edge (Varnish) over both sites. Builds what is
 * missing, waits for each part to answer, prints the URLs; Ctrl-C stops every process it started
 * (so does a part failing to start; a part exiting later is reported and the rest keeps running).
 * <dir>/parts.json names each running part's process group, for fault tests that kill one; the
 * line `cluster: ready` says everything answers. Settings: src/config.ts.
 */
import fs from 'node:fs';
import path from 'node:path';

import {
  inheritedEnv,
  privateRedisCommand,
  spawnService,
  waitForRedis,
  waitUntilReady,
  type ServiceProcess,
} from '@nourish/test-support';

import { clusterConfig, type ClusterConfig } from './config';
import { ensureDatabase } from './database';
import { cmsEnv, edgeEnv, siteBuildEnv, siteEnv, urls } from './part-env';
import { removePartsFile, writePartsFile } from './parts-file';
import { siteRebuildReason, stampSiteBuild } from './site-build';

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');
const processEnv = inheritedEnv(['PATH', 'HOME', 'TMPDIR', 'LANG', 'npm_config_nodedir']);

type Part = { name: string; process: ServiceProcess };
const running: Part[] = [];
let stopping: Promise<never> | undefined;
let started = false;
/** Where parts.json lives, once known. */
let partsDir: string | undefined;

/** Thrown into the start-up sequence once stopping has begun, so that it starts nothing more. */
class Stopping extends Error {}
// A function, not a test of the variable: it changes while a step awaits.
const isStopping = () => stopping !== undefined;

const log = (message: string) => console.log(`cluster: ${message}`);

/** A part's process, in its own process group (stopping it stops whatever it forked: pnpm, Varnish's child), logged to .cluster/logs/<name>.log. */
function spawnPart(
  config: ClusterConfig,
  name: string,
  command: [string, ...string[]],
  cwd: string,
  env: Record<string, string>,
) {
  if (isStopping()) throw new Stopping();
  const part = {
    name,
    process: spawnService({
      command,
      cwd,
      env: { ...processEnv, ...env },
      logFile: path.join(config.dir, 'logs', `${name}.log`),
      detached: true,
    }),
  };
  running.push(part);
  writePartsFile(config.dir, running);
  return part;
}

function start(...args: Parameters<typeof spawnPart>): ServiceProcess {
  const { name, process: service } = spawnPart(...args);
  void service.exited.then((code) => {
    if (isStopping()) return;
    writePartsFile(args[0].dir, running);
    console.error(`cluster: ${name} exited (${code ?? 'signal'}); last output:\n${service.output().slice(-3000)}`);
    // While starting, the cluster cannot come up: stop. Once up, the topology is meant to survive
    // the loss of one part (fault tests kill instances on purpose): say so and keep the rest.
    if (started) console.error(`cluster: ${name} is down; the rest keeps running (Ctrl-C stops everything)`);
    else void stopAll(1);
  });
  return service;
}

/** A step that runs to completion (a build): stopped with the rest on Ctrl-C. */
async function run(...args: Parameters<typeof spawnPart>) {
  const [config, name] = args;
  const part = spawnPart(...args);
  const code = await part.process.exited;
  running.splice(running.indexOf(part), 1);
  writePartsFile(config.dir, running);
  if (isStopping()) throw new Stopping();
  if (code !== 0) {
    throw new Error(
      `${name} failed (${code}); see ${path.join(config.dir, 'logs', `${name}.log`)}:\n${part.process.output().slice(-3000)}`,
    );
  }
}

/** Stops every running part, newest first (the edge, the sites, the CMS, then what they use), once. */
function stopAll(exitCode: number): Promise<never> {
  stopping ??= (async () => {
    log('stopping everything it started');
    for (const part of [...running].reverse()) await part.process.stop();
    if (partsDir) removePartsFile(partsDir);
    process.exit(exitCode);
  })();
  return stopping;
}

async function main() {
  const config = clusterConfig(ROOT);
  const url = urls(config);
  fs.mkdirSync(path.join(config.dir, 'logs'), { recursive: true });
  partsDir = config.dir;
  removePartsFile(partsDir);
  fs.mkdirSync(path.join(config.dir, 'public', 'uploads'), { recursive: true });
  fs.mkdirSync(path.join(config.dir, 's3'), { recursive: true });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void stopAll(0));

  log(`PostgreSQL database ${config.database.name}: ${await ensureDatabase(config)}`);

  const redis = start(config, 'redis', privateRedisCommand(config.redisPort), config.dir, {});
  await waitForRedis(config.redisPort, 20_000, () => !redis.hasExited());
  log(`redis ready on ${url.redis}`);

  const s3rver = path.join(ROOT, 'packages/cluster/node_modules/s3rver/bin/s3rver.js');
  const s3 = start(
    config,
    's3',
    [
      'node',
      s3rver,
      '--address',
      '127.0.0.1',
      '--port',
      String(config.s3Port),
      '--directory',
      path.join(config.dir, 's3'),
      '--configure-bucket',
      config.s3Bucket,
      '--silent',
    ],
    config.dir,
    {},
  );
  // Any HTTP answer (an anonymous listing is refused) means it is serving.
  await waitUntilReady(s3, {
    name: 's3rver',
    url: `${url.s3}/`,
    timeoutMs: 30_000,
    isReady: (response) => response.status < 500,
  });
  log(`S3 (s3rver) ready on ${url.s3}, bucket ${config.s3Bucket}`);

  const cmsDir = path.join(ROOT, 'apps/cms');
  if (config.alwaysBuild || !fs.existsSync(path.join(cmsDir, 'dist/build/index.html'))) {
    log('building the CMS (2-4 min)');
    await run(config, 'build-cms', ['pnpm', 'build'], cmsDir, {});
  }
  const strapi = ['node', path.join(cmsDir, 'node_modules/@strapi/strapi/bin/strapi.js'), 'start'] as [
    string,
    ...string[],
  ];
  // One at a time: the first creates the schema and seeds; the second finds both done.
  for (const index of [0, 1] as const) {
    const cms = start(config, `cms-${index + 1}`, strapi, cmsDir, cmsEnv(config, index));
    await waitUntilReady(cms, {
      name: `CMS ${index + 1}`,
      url: `${url.cms[index]}/_ready`,
      timeoutMs: 300_000,
      isReady: (r) => r.ok,
    });
    log(`CMS ${index + 1} ready on ${url.cms[index]}`);
  }

  const webDir = path.join(ROOT, 'apps/web');
  const buildEnv = siteBuildEnv(config);
  const rebuild = config.alwaysBuild ? 'CLUSTER_BUILD=always' : siteRebuildReason(webDir, buildEnv);
  if (rebuild) {
    log(`building the site (3-6 min): ${rebuild}`);
    await run(config, 'build-web', ['pnpm', 'build'], webDir, buildEnv);
    stampSiteBuild(webDir, buildEnv);
  }
  for (const index of [0, 1] as const) {
    const port = String(config.sitePorts[index]);
    const site = start(
      config,
      `site-${index + 1}`,
      ['node', 'server.mjs', '-p', port, '-H', '127.0.0.1'],
      webDir,
      siteEnv(config, index),
    );
    await waitUntilReady(site, {
      name: `site ${index + 1}`,
      url: `${url.sites[index]}/_ready`,
      timeoutMs: 120_000,
      isReady: (r) => r.ok,
    });
    log(`site ${index + 1} ready on ${url.sites[index]}`);
  }

  const edge = start(config, 'edge', ['bash', path.join(ROOT, 'infra/edge/start.sh')], ROOT, edgeEnv(config));
  await waitUntilReady(edge, {
    name: 'the edge',
    url: `${url.edge}/icon.svg`,
    timeoutMs: 60_000,
    isReady: (r) => r.ok,
  });

  console.log(`
  Site (edge):   ${url.edge}
  Site, direct:  ${url.sites.join('  ')}
  Admin:         ${url.cms.map((cms) => `${cms}/admin`).join('  ')}  (logins: apps/cms/.env.example)
  PostgreSQL:    ${config.database.host}:${config.database.port}/${config.database.name}
  Redis:         ${url.redis}
  S3:            ${url.s3} (bucket ${config.s3Bucket}, media ${url.media})
  Logs:          ${path.join(config.dir, 'logs')}
  Parts:         ${path.join(config.dir, 'parts.json')}
  Ctrl-C stops everything.
`);
  started = true;
  log('ready');
}

main().catch((error: unknown) => {
  if (isStopping() || error instanceof Stopping) return;
  console.error(`cluster: ${error instanceof Error ? error.message : String(error)}`);
  void stopAll(1);
});
