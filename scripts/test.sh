#!/usr/bin/env bash
# One command that installs everything and runs the whole test suite: lint and format checks, type
# checks, unit tests, API tests against a real CMS on SQLite and on PostgreSQL, and Playwright in
# Debian's Chromium.
# CI runs exactly this (.ci/run).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

install_dependencies

# Code health first: a lint or format error fails the run before anything slow starts.
step "Lint (ESLint, type-aware)"
(cd "$ROOT" && pnpm lint) || { echo "Lint failed: fix the errors above (\`pnpm lint\` shows them)." >&2; exit 1; }

step "Format check (Prettier)"
(cd "$ROOT" && pnpm format:check) || { echo "Files above are not formatted: run \`pnpm format\` and commit." >&2; exit 1; }

ensure_debian_tools

export TEST_POSTGRES_URL="${TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
if command -v pg_isready >/dev/null && ! pg_isready -q -d "$TEST_POSTGRES_URL"; then
  step "Starting PostgreSQL"
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start || true
fi

step "Type checks"
(cd "$ROOT" && pnpm -r typecheck)

step "Building the CMS"
(cd "$ROOT/apps/cms" && pnpm build)

step "Building the site for the e2e CMS"
# next/image may only fetch from the CMS named at build time: the e2e CMS (e2e/fixtures/env.ts).
(cd "$ROOT/apps/web" && STRAPI_URL="http://127.0.0.1:${E2E_CMS_PORT:-1338}" pnpm build)

LOGS="$ROOT/.tmp/test-logs"
rm -rf "$LOGS" && mkdir -p "$LOGS"
failed=()
run_suite() { # name, dir, command...
  local name=$1 dir=$2; shift 2
  step "Tests: $name"
  if ! (cd "$dir" && "$@") 2>&1 | tee "$LOGS/$name.log"; then failed+=("$name"); fi
}

# The node suites' closing-line reporter, against fixtures of every outcome.
run_suite reporter "$ROOT" env npm_package_name=scripts node --test --test-reporter=spec --test-reporter-destination=stdout \
  --test-reporter=./scripts/node-test-summary.mjs --test-reporter-destination=stdout scripts/tests/node-test-summary.test.mjs
run_suite content "$ROOT/packages/content" pnpm test
run_suite web "$ROOT/apps/web" pnpm test
# The benchmark targets' logic and bench:check on made-up results (the harness itself runs below).
run_suite bench "$ROOT/bench" pnpm test
run_suite cms "$ROOT/apps/cms" pnpm test
# Two CMS instances on one PostgreSQL database: scheduled publishing once, the admin through either,
# uploads to an S3 server (s3rver), connections cut by PostgreSQL.
run_suite cms-cluster "$ROOT/apps/cms" pnpm test:cluster
# The restore drill (apps/cms/scripts/ops, `pnpm backup`/`pnpm restore`): a seeded and edited CMS backed
# up and restored into a fresh database and upload store, on SQLite (local uploads) and on
# PostgreSQL (S3 through s3rver); the restored CMS must answer every site read as the original did,
# and the site built above, started against each CMS in turn, must render every page type the same.
# A backup taken while a publish is held inside its transaction restores to the version before it.
run_suite cms-ops "$ROOT/apps/cms" pnpm test:ops
# docker-compose.yml against the Compose schema and each app's environment; the edge over two site
# instances, one of them failing.
run_suite cluster "$ROOT/packages/cluster" pnpm test
if [ -f "$ROOT/e2e/playwright.config.ts" ]; then
  run_suite e2e "$ROOT/e2e" pnpm test
  # The security suite (docs/security.md) on a fresh stack of its own: drafts, private fields, query
  # abuse and fuzz, uploads, secrets, XSS in every field, headers, cache poisoning, rate limits.
  run_suite security "$ROOT/e2e" pnpm test:security
  # The edge suite (infra/edge) on a stack it starts itself, Varnish in front of the site: publish
  # and unpublish at the edge, the site killed under load, the CMS frozen and killed, poisoning.
  run_suite edge "$ROOT/e2e" pnpm test:edge
  # The site through a CMS outage (frozen, then killed for a minute, then back) on a CMS and site the
  # suite starts itself: cached pages stay 200, the rest 503 within 3 s, publishing works after.
  run_suite resilience "$ROOT/e2e" pnpm test:resilience
  # The importer on the rendered site: the HTML fixtures imported into a fresh CMS beside the site,
  # then every article read as a reader (headings, rails, figures, old URLs redirecting).
  run_suite import "$ROOT/e2e" pnpm test:import
  # Two site instances sharing one private Redis as their Next cache: pages rendered by one served
  # by the other with the CMS frozen, revalidation on one seen by both, Redis killed under load,
  # a third instance started with the CMS down.
  run_suite cluster-cache "$ROOT/e2e" pnpm test:cluster-cache
fi

# Budgets are printed, not timed tests: the same e2e servers, a fresh database, one script.
step "Page budgets"
(cd "$ROOT/e2e" && node scripts/prepare.mjs && exec pnpm serve) > "$LOGS/budget-servers.log" 2>&1 &
SERVE_PID=$!
if wait_for "http://127.0.0.1:${E2E_SITE_PORT:-3100}/robots.txt" 240 "$SERVE_PID" && wait_for "http://127.0.0.1:${E2E_CMS_PORT:-1338}/_health" 60 "$SERVE_PID"; then
  (cd "$ROOT/bench" && SITE_URL="http://127.0.0.1:${E2E_SITE_PORT:-3100}" CMS_URL="http://127.0.0.1:${E2E_CMS_PORT:-1338}" pnpm budgets) || failed+=("budgets")
else
  failed+=("budgets")
fi
pkill -P "$SERVE_PID" 2>/dev/null || true; kill "$SERVE_PID" 2>/dev/null || true
fuser -k "${E2E_SITE_PORT:-3100}/tcp" "${E2E_CMS_PORT:-1338}/tcp" 2>/dev/null || true

# The benchmark harness in smoke mode (200 articles, seconds per probe), so it never rots. It
# reuses the site build above, which is why it runs on the e2e ports. Its results are then checked
# against the smoke targets (bench/src/targets.ts: regressions of kind, with generous thresholds);
# the full targets are for the full run (`pnpm bench`, docs/benchmarks.md).
step "Benchmark harness, smoke run"
# Straight to the harness: dependencies and Debian tools are installed above.
rm -f "$ROOT/.tmp/bench/benchmarks.json"
if ! (cd "$ROOT/bench" && BENCH_CMS_PORT="${E2E_CMS_PORT:-1338}" BENCH_SITE_PORT="${E2E_SITE_PORT:-3100}" BENCH_EDGE_PORT="${BENCH_EDGE_PORT:-3190}" pnpm bench --smoke --skip-build) 2>&1 | tee "$LOGS/bench-smoke.log"; then
  failed+=("bench-smoke")
fi
fuser -k "${E2E_SITE_PORT:-3100}/tcp" "${E2E_CMS_PORT:-1338}/tcp" 2>/dev/null || true
step "Benchmark smoke targets"
if ! (cd "$ROOT/bench" && pnpm bench:check --smoke); then failed+=("bench-check"); fi

# `pnpm cluster` itself (packages/cluster: edge, two sites, two CMS instances, PostgreSQL, Redis,
# S3) with the fault tests on it (e2e/cluster): every part answers, a site instance killed under
# load, a CMS instance killed during a publish. Last: it rebuilds the site for the cluster's origins
# over the e2e build (packages/cluster/src/site-build.ts), which nothing after this uses.
run_suite cluster-topology "$ROOT/e2e" pnpm test:cluster

# One closing line over every runner. The node suites (scripts/node-test-summary.mjs) and the security
# suite end with their own `name: N passed, N failed, N skipped`; a log that has one is read by it alone
# (the security suite's list summary would count twice). Other logs are read by Playwright's list
# summary. A test that was interrupted or did not run did not pass: it counts as failed.
read -r passed failures skipped < <(for log in "$LOGS"/*.log; do
  # Chromium's output can carry NUL bytes; bash would warn and drop them anyway.
  plain=$(tr -d '\000' < "$log" | sed -E 's/\x1b\[[0-9;]*m//g')
  if grep -qE '^[^ ]+: [0-9]+ passed, [0-9]+ failed, [0-9]+ skipped' <<<"$plain"; then
    sed -nE 's/^[^ ]+: ([0-9]+) passed, ([0-9]+) failed, ([0-9]+) skipped.*/\1 \2 \3/p' <<<"$plain"
  else
    sed -nE 's/^ +([0-9]+) (passed|flaky)( .*)?$/\1 0 0/p; s/^ +([0-9]+) (failed|interrupted|did not run)$/0 \1 0/p; s/^ +([0-9]+) skipped$/0 0 \1/p' <<<"$plain"
  fi
done | awk '{ p += $1; f += $2; s += $3 } END { print p + 0, f + 0, s + 0 }')
echo
echo "${passed:-0} passed, ${failures:-0} failed, ${skipped:-0} skipped"
if [ ${#failed[@]} -gt 0 ]; then echo "Failing suites: ${failed[*]}"; exit 1; fi
