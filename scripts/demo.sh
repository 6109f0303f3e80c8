#!/usr/bin/env bash
# One command for a newcomer: install, build, seed and start the CMS (:1337), the site (loopback
# :3001) and the edge cache in front of it (:3000, the site's URL) on the embedded SQLite
# database, with demo content. Ctrl-C stops all three.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

install_dependencies
ensure_edge_tools

for app in cms web; do
  if [ -f "$ROOT/apps/$app/.env.example" ] && [ ! -f "$ROOT/apps/$app/.env" ]; then
    cp "$ROOT/apps/$app/.env.example" "$ROOT/apps/$app/.env"
    echo "Created apps/$app/.env from .env.example (local-only defaults)"
  fi
done

step "Building the CMS (admin panel included)"
(cd "$ROOT/apps/cms" && pnpm build)

step "Starting the CMS on http://localhost:1337 (seeds the demo content on first start)"
(cd "$ROOT/apps/cms" && exec pnpm start) &
CMS_PID=$!
trap 'kill $CMS_PID ${WEB_PID:-} ${EDGE_PID:-} 2>/dev/null || true' EXIT INT TERM
wait_for http://localhost:1337/_health 300 "$CMS_PID"

if [ -f "$ROOT/apps/web/next.config.ts" ]; then
  step "Building the site"
  (cd "$ROOT/apps/web" && pnpm build)
  step "Starting the site on http://127.0.0.1:3001 (readers use the edge on :3000)"
  # The site's server (apps/web/server.mjs) runs with NODE_ENV=production, where the site refuses example secrets; the local
  # demo alone opts out, here and nowhere in a file that could be copied to a server.
  (cd "$ROOT/apps/web" && ALLOW_EXAMPLE_SECRETS=true EDGE_PURGE_URLS=http://127.0.0.1:3000/ \
    exec node server.mjs -p 3001 -H 127.0.0.1) &
  WEB_PID=$!
  wait_for http://127.0.0.1:3001/robots.txt 120 "$WEB_PID"

  step "Starting the edge cache (Varnish) on http://localhost:3000"
  EDGE_LISTEN=:3000 EDGE_BACKEND=127.0.0.1:3001 EDGE_PUBLIC_HOST=localhost:3000 bash "$ROOT/infra/edge/start.sh" &
  EDGE_PID=$!
  wait_for http://localhost:3000/robots.txt 60 "$EDGE_PID"
fi

set -a; source "$ROOT/apps/cms/.env"; set +a
cat <<MSG

  Site:   http://localhost:3000   (the edge cache; the site itself: http://127.0.0.1:3001)
  Admin:  http://localhost:1337/admin
          Super Admin  $ADMIN_EMAIL / $ADMIN_PASSWORD
          Editor       $EDITOR_EMAIL / $EDITOR_PASSWORD
          Author       $AUTHOR_EMAIL / $AUTHOR_PASSWORD
          Reviewer     ${REVIEWER_EMAIL:-"(none: add REVIEWER_EMAIL from .env.example)"} / ${REVIEWER_PASSWORD:-}
  (local-only logins from apps/cms/.env; press Ctrl-C to stop)

MSG
wait
