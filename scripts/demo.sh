#!/usr/bin/env bash
# One command for a newcomer: install, build, seed and start the CMS (:1337) and the site (:3000)
# on the embedded SQLite database, with demo content. Ctrl-C stops both.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

install_dependencies

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
trap 'kill $CMS_PID ${WEB_PID:-} 2>/dev/null || true' EXIT INT TERM
wait_for http://localhost:1337/_health 300 "$CMS_PID"

if [ -f "$ROOT/apps/web/next.config.ts" ]; then
  step "Building the site"
  (cd "$ROOT/apps/web" && pnpm build)
  step "Starting the site on http://localhost:3000"
  # The site's server (apps/web/server.mjs) runs with NODE_ENV=production, where the site refuses example secrets; the local
  # demo alone opts out, here and nowhere in a file that could be copied to a server.
  (cd "$ROOT/apps/web" && ALLOW_EXAMPLE_SECRETS=true exec pnpm start) &
  WEB_PID=$!
  wait_for http://localhost:3000 120 "$WEB_PID"
fi

set -a; source "$ROOT/apps/cms/.env"; set +a
cat <<MSG

  Site:   http://localhost:3000
  Admin:  http://localhost:1337/admin
          Super Admin  $ADMIN_EMAIL / $ADMIN_PASSWORD
          Editor       $EDITOR_EMAIL / $EDITOR_PASSWORD
          Author       $AUTHOR_EMAIL / $AUTHOR_PASSWORD
  (local-only logins from apps/cms/.env; press Ctrl-C to stop)

MSG
wait
