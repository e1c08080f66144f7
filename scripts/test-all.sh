#!/usr/bin/env bash
# Installs everything the tests need on a fresh Debian machine with Node.js, then runs every test
# (type-check, lint, unit, storage on SQLite AND PostgreSQL, CLI, browser and PDF tests), then
# mutation testing of the engine files changed against main (or the previous commit on main).
# This is the README's test command (`npm run test:all`) and what .ci/run runs.
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
as_postgres() {
  if [ "$(id -u)" = 0 ]; then su postgres -c "$1"; else sudo -u postgres bash -c "$1"; fi
}

echo "==> System packages (chromium, postgresql, poppler-utils, fonts)"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq chromium postgresql poppler-utils fonts-liberation fonts-dejavu-core >/dev/null

echo "==> PostgreSQL"
PG_VERSION=$(ls /etc/postgresql | sort -n | tail -1)
$SUDO pg_ctlcluster "$PG_VERSION" main start 2>/dev/null || true
for _ in $(seq 1 30); do
  if as_postgres "psql -qAtc 'select 1'" >/dev/null 2>&1; then break; fi
  sleep 1
done
as_postgres "psql -qc \"ALTER USER postgres PASSWORD 'postgres'\"" >/dev/null
export TEST_POSTGRES_URL="${TEST_POSTGRES_URL:-postgres://postgres:postgres@127.0.0.1:5432/postgres}"
# No layer may be left out here: PostgreSQL and Chromium tests run (and fail loudly) instead of being
# skipped as they are in a local run without the service (test/support/layers.ts).
export CI="${CI:-true}"

echo "==> npm ci"
npm ci --no-audit --no-fund --loglevel=error

echo "==> Type-check and lint"
npm run typecheck
npm run lint

echo "==> API contract: Redocly lint of the OpenAPI document, example client against generated types"
npm run lint:openapi
npm run typecheck:examples

echo "==> Tests (SQLite and PostgreSQL)"
mkdir -p .tmp
status=0
npx vitest run --reporter=default --reporter=json --outputFile=.tmp/vitest.json || status=$?
node scripts/check-test-results.mjs .tmp/vitest.json || status=1

echo "==> Mutation testing of the engine files this change touches (docs/testing.md)"
node scripts/mutation/run.mjs --changed || status=1
exit "$status"
