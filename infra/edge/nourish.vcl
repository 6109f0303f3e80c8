#
# The edge cache in front of the Nourish site (Varnish 7.1 + varnish-modules).
#
# - Keys: the normalised URL only (no Host, no cookies), and the URL the site receives IS that key:
#   unknown query parameters are removed before the lookup, so nothing unkeyed reaches the site.
# - Tags: the site names each page's cache tags in `Surrogate-Key` (apps/web/lib/edge/); they become
#   xkey keys, and /api/revalidate purges the same tags here (PURGE with `xkey-softpurge`).
# - Outages: every object keeps 24 h of grace. While the site is healthy an expired or soft-purged
#   object is never served (req.grace = 0), so an unpublished article is gone at once; when the
#   site is sick, or a fetch fails or answers 5xx, the last good copy is delivered instead.
# - Several site instances: a round-robin director over the healthy ones; a fetch that fails on one
#   instance is retried on the others (GET/HEAD only) before the stale fallback.
#
# start.sh renders backend.vcl (one backend per instance with its probe, the directors, subs
# `edge_choose_backend`, `edge_retry_backend`, `edge_retry_on_other_instance`, acl `purgers`, subs
# `edge_backend_origin` and `edge_mint_request_id`) from the environment, since VCL cannot read it.
#
vcl 4.1;

import std;
import directors;
import xkey;
import vsthrottle;

include "backend.vcl";

sub vcl_recv {
    call edge_choose_backend;
    # Headers a site framework may trust to build URLs or pick a route: a client must not be able
    # to change what gets rendered (and cached) for everyone. X-Forwarded-Proto is set from config.
    unset req.http.X-Forwarded-Host;
    unset req.http.X-Forwarded-Server;
    unset req.http.X-Forwarded-Port;
    unset req.http.X-Forwarded-Proto;
    unset req.http.X-Forwarded-Scheme;
    unset req.http.X-Forwarded-Prefix;
    unset req.http.Forwarded;
    unset req.http.X-Original-URL;
    unset req.http.X-Rewrite-URL;
    unset req.http.X-Original-Host;
    unset req.http.X-Host;
    unset req.http.X-HTTP-Method-Override;
    unset req.http.X-HTTP-Method;
    unset req.http.X-Method-Override;
    # Next.js internals (x-middleware-subrequest skips the proxy: CVE-2025-29927).
    unset req.http.X-Middleware-Subrequest;
    unset req.http.X-Matched-Path;
    unset req.http.X-Now-Route-Matches;
    unset req.http.X-Prerender-Revalidate;
    unset req.http.X-Nextjs-Data;
    unset req.http.Next-Url;
    unset req.http.Surrogate-Capability;
    # Our own markers come from this VCL only (they survive restarts, not client requests).
    if (req.restarts == 0) {
        unset req.http.X-Edge-Stale-Retry;
        unset req.http.X-Edge-Lookup;
        unset req.http.X-Edge-Identity;
        # Every request carries an id that the site and the CMS log (README, "Logs and request
        # ids"): the client's when it is one the site accepts (apps/web/server.mjs), else one made
        # here, so a reader request is followed from this edge's log on.
        if (req.http.X-Request-Id !~ "^[A-Za-z0-9._:-]{8,100}$") {
            call edge_mint_request_id;
        }
    }

    if (req.method == "PURGE") {
        call edge_purge;
    }
    # The sites' probes are for this edge (which asks them directly) and orchestrators, not the
    # public: their answers name what failed inside.
    if (req.url ~ "^/_(live|ready)(\?|$)") {
        return (synth(404, "Not Found"));
    }
    if (req.method !~ "^(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS)$") {
        return (synth(405, "Method Not Allowed"));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }

    # Never cached: API routes (preview, revalidation), the admin, draft mode and preview sessions,
    # authenticated requests, and the App Router's RSC requests (their responses depend on
    # router-state headers; the site serves them from its own cache).
    if (req.url ~ "^/(api|admin)(/|\?|$)") {
        return (pass);
    }
    if (req.http.Cookie ~ "(^|;)\s*(__prerender_bypass|__next_preview_data|nourish_preview)=") {
        return (pass);
    }
    if (req.http.Authorization) {
        return (pass);
    }
    if (req.http.RSC || req.http.Next-Router-State-Tree || req.http.Next-Router-Prefetch ||
        req.http.Next-Router-Segment-Prefetch || req.http.Next-Action || req.url ~ "[?&]_rsc=") {
        return (pass);
    }

    call edge_normalise_url;
    unset req.http.Cookie;
    # next/image picks the format from Accept (webp is the only one it is configured for).
    if (req.url ~ "^/_next/image\?") {
        if (req.http.Accept ~ "image/webp") {
            set req.http.Accept = "image/webp";
        } else {
            unset req.http.Accept;
        }
    }

    # Healthy site (any instance): nothing expired or soft-purged is served (correctness first). Otherwise, or on
    # the retry after a failed fetch (vcl_synth), any copy within its grace is.
    # (req.grace survives a restart, so both branches set it.)
    if (std.healthy(req.backend_hint) && !req.http.X-Edge-Stale-Retry) {
        set req.grace = 0s;
    } else {
        set req.grace = 24h;
    }
    set req.http.X-Edge-Lookup = "1";
    # Clients that do not take gzip (crawlers, monitors, some proxies) get their own stored copy,
    # fetched uncompressed: Varnish would otherwise gunzip the stored page on every delivery,
    # which costs ~4x the CPU of sending it (measured: docs/performance.md, "Edge cache").
    if (!req.can_gzip) {
        set req.http.X-Edge-Identity = "1";
    }
    return (hash);
}

# PURGE with `xkey-softpurge: tag tag` (expires the tagged objects, keeps them as the stale
# fallback) or `xkey-purge: tag tag` (removes them), from the purgers ACL only.
sub edge_purge {
    if (client.ip !~ purgers) {
        return (synth(403, "Forbidden"));
    }
    if (req.http.xkey-softpurge) {
        set req.http.X-Edge-Purged = xkey.softpurge(req.http.xkey-softpurge);
    } elsif (req.http.xkey-purge) {
        set req.http.X-Edge-Purged = xkey.purge(req.http.xkey-purge);
    } else {
        return (synth(400, "Send xkey-softpurge or xkey-purge: tag tag ..."));
    }
    return (synth(200, "Purged"));
}

# The cache key and the URL the site receives: the path, plus only the query parameters the page
# reads, sorted. Everything else is removed, so `?utm_source=..` or `?x=<script>` neither fragment
# the cache nor reach the site.
sub edge_normalise_url {
    set req.url = regsub(req.url, "#.*$", "");
    if (req.url ~ "^/search(\?|$)") {
        set req.url = regsuball(req.url, "(?<=[?&])(?!(?:q|page)=)[^&]*(?:&|$)", "");
        # One spelling per query: `%20` and runs of `+` become one `+`, none at either end.
        set req.url = regsuball(req.url, "%20", "+");
        set req.url = regsuball(req.url, "\+{2,}", "+");
        set req.url = regsuball(req.url, "(?<=[?&]q=)\++|\++(?=&|$)", "");
    } elsif (req.url ~ "^/\?(.*&)?(p|page_id)=[0-9]+(&|$)") {
        # WordPress's `/?p=412`: an imported site's old address, which the site looks up as a Redirect.
        set req.url = regsuball(req.url, "(?<=[?&])(?!(?:p|page_id)=[0-9]+(?:&|$))[^&]*(?:&|$)", "");
    } elsif (req.url ~ "^/((topics|authors)/[^?]+|page/[0-9]+)?(\?|$)") {
        set req.url = regsuball(req.url, "(?<=[?&])(?!page=)[^&]*(?:&|$)", "");
    } elsif (req.url ~ "^/_next/image\?") {
        set req.url = regsuball(req.url, "(?<=[?&])(?!(?:url|w|q)=)[^&]*(?:&|$)", "");
    } else {
        set req.url = regsub(req.url, "\?.*$", "");
    }
    set req.url = regsub(req.url, "[?&]+$", "");
    set req.url = std.querysort(req.url);
}

# Host-independent: one copy per normalised URL whatever Host the client sent.
sub vcl_hash {
    hash_data(req.url);
    if (req.http.X-Edge-Identity) {
        hash_data("identity");
    }
    return (lookup);
}

sub vcl_miss {
    # Search misses cost a CMS query each: a per-client budget (cached queries are free). Over it,
    # an expired copy of the same search is still better than a 429.
    if (req.url ~ "^/search\?" && vsthrottle.is_denied("search:" + client.identity, 40, 10s, 10s)) {
        if (!req.http.X-Edge-Stale-Retry) {
            set req.http.X-Edge-Stale-Retry = "1";
            return (restart);
        }
        return (synth(429, "Too Many Requests"));
    }
}

sub vcl_backend_fetch {
    call edge_retry_backend;
    call edge_backend_origin;
    if (bereq.http.X-Edge-Identity) {
        unset bereq.http.Accept-Encoding;
        unset bereq.http.X-Edge-Identity;
    }
}

sub vcl_backend_response {
    if (bereq.uncacheable) {
        return (deliver);
    }
    # A failing site never replaces a good copy. A background refresh is simply dropped (the
    # stale copy stays); a foreground fetch fails, and vcl_synth retries on the stale copy. On that
    # retry (no copy to fall back on) the site's own 503 page goes out, uncached; any other 5xx
    # becomes the edge's 503 with Retry-After (vcl_backend_error): readers never get a 500.
    if (beresp.status >= 500) {
        call edge_retry_on_other_instance;
        if (bereq.is_bgfetch || !bereq.http.X-Edge-Stale-Retry) {
            return (abandon);
        }
        if (beresp.status != 503) {
            return (error(503, "Service Unavailable"));
        }
        set beresp.ttl = 0s;
        set beresp.uncacheable = true;
        return (deliver);
    }

    # The page's cache tags become xkey keys (the header is removed on delivery).
    unset beresp.http.xkey;
    if (beresp.http.Surrogate-Key) {
        set beresp.http.xkey = beresp.http.Surrogate-Key;
    }

    if (beresp.http.Set-Cookie || beresp.http.Vary == "*") {
        set beresp.ttl = 120s;
        set beresp.uncacheable = true;
        return (deliver);
    }
    if (bereq.url ~ "^/search(\?|$)") {
        # Briefly, per normalised query; tags still purge it on publish.
        set beresp.ttl = 30s;
    } elsif (beresp.status == 404) {
        # Only the shapes of real pages (an article about to be published, say); the tags purge
        # them. Arbitrary paths are not stored, so they cannot evict real pages.
        set beresp.ttl = 10s;
        if (bereq.url !~ "^/(articles|topics|authors)/[a-z0-9-]{1,160}$") {
            set beresp.uncacheable = true;
            return (deliver);
        }
    } elsif (bereq.url ~ "^/((topics|authors)/[^?]+|page/[0-9]+)?(\?|$)|^/(robots\.txt|feed\.xml|sitemap\.xml)$|^/sitemaps/" &&
             beresp.http.Cache-Control ~ "(?i)private|no-store|no-cache|max-age=0") {
        # Public page types the site renders per request (home, topic and author pages, with their
        # later pages as `?page=N` or as a path): cached here, purged by their tags, and bounded by
        # the site's own 300 s time-based revalidation.
        set beresp.ttl = 300s;
    } elsif (beresp.ttl <= 0s || (!beresp.http.Surrogate-Control &&
             beresp.http.Cache-Control ~ "(?i)private|no-store|no-cache")) {
        set beresp.ttl = 120s;
        set beresp.uncacheable = true;
        return (deliver);
    }
    # Stale-if-error for a day: kept past its TTL as the fallback (see vcl_recv).
    set beresp.grace = 24h;
    return (deliver);
}

sub vcl_backend_error {
    # Connection refused, timeouts: same rule as a 5xx in vcl_backend_response.
    call edge_retry_on_other_instance;
    if (!bereq.uncacheable && (bereq.is_bgfetch || !bereq.http.X-Edge-Stale-Retry)) {
        return (abandon);
    }
    set beresp.reason = "Service Unavailable";
    set beresp.http.Content-Type = "text/html; charset=utf-8";
    set beresp.http.Cache-Control = "no-store";
    set beresp.http.Retry-After = "30";
    set beresp.ttl = 0s;
    set beresp.uncacheable = true;
    synthetic({"<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Temporarily unavailable</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body><main><h1>We will be right back</h1>
<p>This page cannot be shown at the moment. Please try again in a minute.</p></main></body></html>
"});
    return (deliver);
}

sub vcl_synth {
    # A foreground fetch failed (see vcl_backend_response): once more, accepting any stale copy.
    if (resp.status == 503 && req.http.X-Edge-Lookup && !req.http.X-Edge-Stale-Retry && req.restarts == 0) {
        set req.http.X-Edge-Stale-Retry = "1";
        return (restart);
    }
    set resp.http.Cache-Control = "no-store";
    if (req.method == "PURGE" && resp.status == 200) {
        set resp.http.Content-Type = "application/json";
        set resp.body = {"{"purged":"} + req.http.X-Edge-Purged + "}";
        return (deliver);
    }
    if (resp.status == 429) {
        set resp.http.Retry-After = "10";
    }
    set resp.http.Content-Type = "text/plain; charset=utf-8";
    set resp.body = resp.reason + {"
"};
    return (deliver);
}

sub vcl_deliver {
    # Tags are for the edge; a purger may ask to see them.
    if (req.http.X-Edge-Debug && client.ip ~ purgers) {
        set resp.http.X-Edge-Keys = resp.http.xkey;
    }
    unset resp.http.xkey;
    unset resp.http.Surrogate-Key;
    unset resp.http.X-Varnish;
    # A cached copy carries the id of the request that fetched it: answer with this request's.
    set resp.http.X-Request-Id = req.http.X-Request-Id;
    if (obj.uncacheable) {
        set resp.http.X-Edge-Cache = "pass";
    } elsif (obj.ttl <= 0s) {
        set resp.http.X-Edge-Cache = "stale";
    } elsif (obj.hits > 0) {
        set resp.http.X-Edge-Cache = "hit";
    } else {
        set resp.http.X-Edge-Cache = "miss";
    }
}
