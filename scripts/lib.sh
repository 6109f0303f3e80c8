# Shared by scripts/demo.sh and scripts/test.sh: the toolchain every other step needs.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PNPM_VERSION=12.4.2
export CI="${CI:-}"
export STRAPI_TELEMETRY_DISABLED=true
export NEXT_TELEMETRY_DISABLED=1
# better-sqlite3 has no reachable prebuilt binary: it compiles against Node's headers in /usr,
# and pnpm ignores this setting in .npmrc, so it has to come from the environment.
if [ -d /usr/include/node ]; then export npm_config_nodedir=/usr; fi

step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }

ensure_node() {
  command -v node >/dev/null || { echo "Node.js 20 is required (https://nodejs.org)"; exit 1; }
  local major; major=$(node -p 'process.versions.node.split(".")[0]')
  [ "$major" -ge 20 ] || { echo "Node.js 20 or newer is required, found $(node --version)"; exit 1; }
}

ensure_pnpm() {
  if [ "$(pnpm --version 2>/dev/null || true)" != "$PNPM_VERSION" ]; then
    step "Installing pnpm $PNPM_VERSION"
    npm install -g "pnpm@$PNPM_VERSION" >/dev/null
  fi
}

install_dependencies() {
  ensure_node
  ensure_pnpm
  step "Installing dependencies (first run compiles better-sqlite3: about a minute)"
  (cd "$ROOT" && pnpm install --frozen-lockfile)
}

# From Debian, never downloaded at install time: Chromium for Playwright and Lighthouse, xmllint
# for the sitemap schema check, nginx as the benchmark's static-file baseline, wrk as its load
# client, Varnish as the edge, Redis for the shared-cache suite and the cluster.
ensure_debian_tools() {
  local missing=()
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  command -v xmllint >/dev/null 2>&1 || missing+=(libxml2-utils)
  [ -x /usr/sbin/nginx ] || command -v nginx >/dev/null 2>&1 || missing+=(nginx-light)
  command -v wrk >/dev/null 2>&1 || missing+=(wrk)
  # Private Redis servers: the cluster suites, `pnpm cluster` and the bench's scale-out part.
  command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
  apt_install "${missing[@]}"
  ensure_edge_tools
}

# The edge cache (infra/edge): Debian's Varnish and varnish-modules (xkey, vsthrottle), and the
# exporter of its counters to Prometheus.
ensure_edge_tools() {
  local missing=()
  command -v varnishd >/dev/null 2>&1 || [ -x /usr/sbin/varnishd ] || missing+=(varnish)
  compgen -G '/usr/lib/*/varnish/vmods/libvmod_xkey.so' >/dev/null || compgen -G '/usr/lib/varnish/vmods/libvmod_xkey.so' >/dev/null ||
    missing+=(varnish-modules)
  command -v prometheus-varnish-exporter >/dev/null 2>&1 || missing+=(prometheus-varnish-exporter)
  apt_install "${missing[@]}"
}

apt_install() {
  [ $# -gt 0 ] || return 0
  step "Installing from Debian: $*"
  local sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

# Waits for a URL to answer 2xx/3xx; $3 is a PID that must stay alive meanwhile.
wait_for() {
  local url=$1 seconds=$2 pid=${3:-}
  for _ in $(seq 1 "$seconds"); do
    if curl -fsS -o /dev/null "$url" 2>/dev/null; then return 0; fi
    if [ -n "$pid" ] && ! kill -0 "$pid" 2>/dev/null; then echo "process for $url exited"; return 1; fi
    sleep 1
  done
  echo "timed out waiting for $url"; return 1
}
