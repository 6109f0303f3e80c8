#!/usr/bin/env bash
# `pnpm bench`: installs what the benchmark needs, then runs the harness (bench/src/run.ts) with
# the arguments given, e.g. `pnpm bench --smoke`. Needs PostgreSQL (BENCH_POSTGRES_URL, default
# postgres://postgres@127.0.0.1:5432/postgres). Writes docs/benchmarks.md and docs/benchmarks.json.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

install_dependencies
ensure_debian_tools
cd "$ROOT/bench" && exec pnpm exec tsx src/run.ts "$@"
