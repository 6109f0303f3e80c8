/**
 * Whether apps/web/.next can serve this cluster. A build bakes in the origins it was given (image
 * allow-list, CSP, the CMS it rendered from), and other commands (the e2e suites, the benchmark)
 * build the same directory with theirs. So after building for the cluster we leave a stamp in
 * .next with the build's environment and its BUILD_ID, and rebuild when either differs.
 */
import fs from 'node:fs';
import path from 'node:path';

export const STAMP_FILE = 'nourish-cluster-build.json';

export type SiteBuildStamp = { buildId: string; env: Record<string, string> };

const readText = (file: string): string | undefined => {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
};

const sameEnv = (a: Record<string, string>, b: Record<string, string>): boolean => {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
};

const isStamp = (value: unknown): value is SiteBuildStamp => {
  if (typeof value !== 'object' || value === null) return false;
  const { buildId, env } = value as Record<string, unknown>;
  return (
    typeof buildId === 'string' &&
    typeof env === 'object' &&
    env !== null &&
    Object.values(env).every((entry) => typeof entry === 'string')
  );
};

/** Why the site must be built for `env`, or undefined when the existing build is this cluster's. */
export function siteRebuildReason(webDir: string, env: Record<string, string>): string | undefined {
  const next = path.join(webDir, '.next');
  const buildId = readText(path.join(next, 'BUILD_ID'))?.trim();
  if (!buildId) return 'no build';
  const raw = readText(path.join(next, STAMP_FILE));
  if (raw === undefined) return 'the build is not stamped as the cluster’s (another command built it)';
  let stamp: unknown;
  try {
    stamp = JSON.parse(raw);
  } catch {
    return 'unreadable build stamp';
  }
  if (!isStamp(stamp)) return 'unreadable build stamp';
  if (stamp.buildId !== buildId) return 'rebuilt since it was stamped';
  if (!sameEnv(stamp.env, env)) return 'built with other origins or settings';
  return undefined;
}

/** After a build for `env`: records it, with the BUILD_ID `next build` wrote. */
export function stampSiteBuild(webDir: string, env: Record<string, string>): void {
  const next = path.join(webDir, '.next');
  const buildId = fs.readFileSync(path.join(next, 'BUILD_ID'), 'utf8').trim();
  const stamp: SiteBuildStamp = { buildId, env };
  fs.writeFileSync(path.join(next, STAMP_FILE), `${JSON.stringify(stamp, null, 2)}\n`);
}
