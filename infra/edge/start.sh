#!/usr/bin/env bash
# Starts the edge cache (Varnish, in the foreground) in front of the site. VCL cannot read the
# environment, so the backends, the purge ACL and the public origin are rendered into
# $EDGE_WORKDIR/backend.vcl, which nourish.vcl includes. Used by scripts/demo.sh, the edge test
# suite (e2e/edge) and the Docker image (infra/edge/Dockerfile).
#
#   EDGE_LISTEN        address:port readers connect to      (default 127.0.0.1:3000)
#   EDGE_BACKEND       the site, host:port, or its instances as host:port,host:port,...
#                      (round robin over the healthy ones)   (default 127.0.0.1:3001)
#   EDGE_PUBLIC_HOST   Host header the site receives         (default: the first EDGE_BACKEND)
#   EDGE_PUBLIC_PROTO  X-Forwarded-Proto the site receives   (default http; https behind TLS)
#   EDGE_PURGE_ALLOW   who may PURGE besides loopback: addresses, networks or host names,
#                      separated by spaces or commas        (e.g. "10.0.0.0/8 web")
#   EDGE_MEMORY        cache size                            (default 256m)
#   EDGE_WORKDIR       Varnish's working directory           (default /tmp/nourish-edge-<port>)
#   EDGE_REQUEST_LOG   on: every request in Varnish's shared-memory log, for varnishlog and
#                      varnishncsa (default); off: only errors, fetch failures and backend health
#                      (a few % to a quarter more req/s on cache hits here; what the benchmark
#                      runs, as its nginx baseline runs with access_log off)
#   EDGE_METRICS_LISTEN  address:port of a Prometheus endpoint for this Varnish's counters (cache
#                      hits, misses and grace hits, backend health, purges), served by Debian's
#                      prometheus-varnish-exporter; unset: none. Never publish it.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
LISTEN="${EDGE_LISTEN:-127.0.0.1:3000}"
BACKEND="${EDGE_BACKEND:-127.0.0.1:3001}"
PUBLIC_HOST="${EDGE_PUBLIC_HOST:-${BACKEND%%,*}}"
PUBLIC_PROTO="${EDGE_PUBLIC_PROTO:-http}"
MEMORY="${EDGE_MEMORY:-256m}"
WORKDIR="${EDGE_WORKDIR:-/tmp/nourish-edge-${LISTEN##*:}}"
REQUEST_LOG="${EDGE_REQUEST_LOG:-on}"
METRICS_LISTEN="${EDGE_METRICS_LISTEN:-}"

fail() { echo "edge: $*" >&2; exit 1; }
IFS=', ' read -r -a BACKENDS <<<"$BACKEND"
[ "${#BACKENDS[@]}" -gt 0 ] || fail "EDGE_BACKEND must be host:port[,host:port...], got '$BACKEND'"
for entry in "${BACKENDS[@]}"; do
  [[ "$entry" =~ ^[A-Za-z0-9.-]+:[0-9]+$ ]] || fail "EDGE_BACKEND must be host:port[,host:port...], got '$entry' in '$BACKEND'"
done
[[ "$PUBLIC_HOST" =~ ^[A-Za-z0-9.-]+(:[0-9]+)?$ ]] || fail "EDGE_PUBLIC_HOST must be host[:port], got '$PUBLIC_HOST'"
[[ "$PUBLIC_PROTO" =~ ^https?$ ]] || fail "EDGE_PUBLIC_PROTO must be http or https, got '$PUBLIC_PROTO'"
[[ "$REQUEST_LOG" =~ ^(on|off)$ ]] || fail "EDGE_REQUEST_LOG must be on or off, got '$REQUEST_LOG'"
command -v varnishd >/dev/null || [ -x /usr/sbin/varnishd ] || fail "varnishd not found (Debian: apt-get install varnish varnish-modules)"

acl_entries='    "127.0.0.1";
    "::1";'
PURGE_ALLOW="${EDGE_PURGE_ALLOW:-}"
for entry in ${PURGE_ALLOW//,/ }; do
  [[ "$entry" =~ ^([A-Za-z0-9.:-]+)(/([0-9]{1,3}))?$ ]] || fail "EDGE_PURGE_ALLOW: not an address, network or host: '$entry'"
  acl_entries+=$'\n'"    \"${BASH_REMATCH[1]}\"${BASH_REMATCH[2]:+/${BASH_REMATCH[3]}};"
done

# Varnish compiles the VCL as its own unprivileged user, which may not be able to read this
# checkout (a clone inside a 0700 directory, say): it gets readable copies in its working directory.
mkdir -p "$WORKDIR"
chmod 0755 "$WORKDIR"
install -m 0644 "$HERE/nourish.vcl" "$WORKDIR/nourish.vcl"
umask 022
# Each site instance is declared twice, with the same address: `site_N` probed on /_ready (it can
# reach its CMS and its cache) and `site_N_alive` probed on /_live (the process answers). `sites`
# picks round robin among the ready instances, and only when none is ready (a CMS outage for all)
# among the live ones, which still serve what their caches hold. A fetch that fails on one
# instance is retried on the next (`after_site_N`: the others, ready ones first), N-1 times at most,
# before the stale fallback.
# New on every start, so ids minted by two edges, or by one edge before and after a restart, differ.
REQUEST_ID_PREFIX="$(od -An -N4 -tx1 /dev/urandom | tr -d ' \n')"
backends_vcl=""
init_vcl="    new ready = directors.round_robin();"$'\n'"    new alive = directors.round_robin();"$'\n'
retry_vcl=""
count=${#BACKENDS[@]}
for ((i = 0; i < count; i++)); do
  for probe in ready alive; do
    name="site_$((i + 1))"
    [ "$probe" = alive ] && name+="_alive"
    backends_vcl+="backend $name {
    .host = \"${BACKENDS[i]%:*}\";
    .port = \"${BACKENDS[i]##*:}\";
    .connect_timeout = 1s;
    .first_byte_timeout = 15s;
    .between_bytes_timeout = 10s;
    .probe = site_$probe;
}
"
    init_vcl+="    $probe.add_backend($name);"$'\n'
  done
done
init_vcl+="    new sites = directors.fallback();"$'\n'"    sites.add_backend(ready.backend());"$'\n'"    sites.add_backend(alive.backend());"$'\n'
if [ "$count" -gt 1 ]; then
  for ((i = 0; i < count; i++)); do
    name="site_$((i + 1))"
    init_vcl+="    new after_$name = directors.fallback();"$'\n'
    for suffix in "" _alive; do
      for ((j = 1; j < count; j++)); do
        init_vcl+="    after_$name.add_backend(site_$(((i + j) % count + 1))$suffix);"$'\n'
      done
    done
    retry_vcl+="        if (bereq.http.X-Edge-Failed-Backend ~ \"^$name(_alive)?\$\") { set bereq.backend = after_$name.backend(); }"$'\n'
  done
fi

cat > "$WORKDIR/backend.vcl" <<VCL
# Rendered by infra/edge/start.sh; do not edit.

# The site can serve fresh pages: its own CMS and cache answer (apps/web/ops/probes.mjs). Out of
# rotation after 2 of 3 probes fail, back after 2 succeed: a few seconds either way.
probe site_ready {
    .url = "/_ready";
    .interval = 2s;
    .timeout = 2s;
    .window = 3;
    .threshold = 2;
    .initial = 2;
}

# The site process answers, whatever the CMS is doing. Sick after 3 of 5 probes fail (6-10 s): an
# instance that is only slow under load keeps being asked.
probe site_alive {
    .url = "/_live";
    .expected_response = 204;
    .interval = 2s;
    .timeout = 2s;
    .window = 5;
    .threshold = 3;
    .initial = 3;
}

$backends_vcl
sub vcl_init {
$init_vcl}

sub edge_choose_backend {
    set req.backend_hint = sites.backend();
}

# vcl_backend_fetch: a retry goes to the instances after the one that failed.
sub edge_retry_backend {
    if (bereq.retries > 0) {
$retry_vcl    }
    unset bereq.http.X-Edge-Failed-Backend;
}

# vcl_backend_response / vcl_backend_error, on a failed fetch: once per other instance, and only
# for requests that are safe to send twice.
sub edge_retry_on_other_instance {
    if (bereq.retries < $((count - 1)) && bereq.method ~ "^(GET|HEAD)\$") {
        set bereq.http.X-Edge-Failed-Backend = beresp.backend;
        return (retry);
    }
}

acl purgers {
$acl_entries
}

sub edge_backend_origin {
    set bereq.http.Host = "$PUBLIC_HOST";
    set bereq.http.X-Forwarded-Proto = "$PUBLIC_PROTO";
}

# A request id for a request that came without a valid one: this start's random prefix and the
# request's transaction id (unique while this varnishd runs), e.g. edge-1f2e3d4c-32770.
sub edge_mint_request_id {
    set req.http.X-Request-Id = "edge-$REQUEST_ID_PREFIX-" + req.xid;
}
VCL

log_params=()
if [ "$REQUEST_LOG" = off ]; then
  # The per-request records (headers, URL, status, timestamps, VCL calls); FetchError, errors and
  # backend health stay.
  masked=ReqStart,ReqMethod,ReqURL,ReqProtocol,ReqHeader,ReqUnset,ReqAcct,RespProtocol,RespStatus
  masked+=,RespReason,RespHeader,RespUnset,BereqHeader,BereqUnset,BerespHeader,BerespUnset,Timestamp
  masked+=,VCL_call,VCL_return,VCL_use,VCL_Log,Link,Begin,End,Storage,TTL
  log_params=(-p "vsl_mask=-${masked//,/,-}")
fi

if [ -n "$METRICS_LISTEN" ]; then
  command -v prometheus-varnish-exporter >/dev/null || fail "EDGE_METRICS_LISTEN is set but prometheus-varnish-exporter is not installed (Debian: apt-get install prometheus-varnish-exporter)"
  # It lives as long as varnishd, which replaces this shell below and so keeps its PID ($$).
  (
    prometheus-varnish-exporter -n "$WORKDIR" -web.listen-address "$METRICS_LISTEN" &
    exporter=$!
    while kill -0 $$ 2>/dev/null && kill -0 "$exporter" 2>/dev/null; do sleep 2; done
    kill "$exporter" 2>/dev/null || true
  ) &
fi

echo "edge: listening on $LISTEN, caching ${BACKENDS[*]} ($MEMORY), purges from loopback${PURGE_ALLOW:+ and $PURGE_ALLOW}, request log $REQUEST_LOG"
exec "$(command -v varnishd || echo /usr/sbin/varnishd)" -F -n "$WORKDIR" -a "$LISTEN" \
  -f "$WORKDIR/nourish.vcl" -p vcl_path="$WORKDIR" \
  -s "malloc,$MEMORY" -p "max_retries=$((count > 4 ? count : 4))" "${log_params[@]}"
