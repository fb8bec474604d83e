#!/usr/bin/env bash
# Runs every test, then the API, sign-in and engine tests once more on PostgreSQL. On a fresh Debian machine it
# first installs what the tests need: Chromium (browser tests), aiosmtpd (a real SMTP server) and PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")"

need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
/usr/bin/python3 -c "import aiosmtpd" 2>/dev/null || need+=(python3-aiosmtpd)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
if [ ${#need[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "Installing test dependencies: ${need[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

dotnet tool restore
# Redocly CLI, which lints the OpenAPI document in the Web tests (pinned in tools/openapi/package-lock.json).
npm ci --prefix tools/openapi --no-audit --no-fund --loglevel=error
dotnet build Notify.sln -c Release -warnaserror
log=$(mktemp)
set +e
dotnet test Notify.sln -c Release --no-build 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# The API, sign-in and engine tests again, on PostgreSQL: each app gets its own database on a throw-away server.
read -r pgdir pgserver < <(tests/postgres-server.sh start)
trap 'tests/postgres-server.sh stop "$pgdir"' EXIT
echo "Again on PostgreSQL ($pgserver): the Web and Workflows tests"
for project in tests/Notify.Web.Tests tests/Notify.Workflows.Tests; do
  NOTIFY_TEST_POSTGRES="$pgserver" dotnet test "$project" -c Release --no-build 2>&1 | tee -a "$log"
  pgstatus=${PIPESTATUS[0]}
  [ "$status" -ne 0 ] || status=$pgstatus
done
set -e
passed=$(grep -oE 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -oE 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
skipped=$(grep -oE 'Skipped: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
rm -f "$log"
echo "Tests: $passed passed, $failed failed, $skipped skipped"
exit "$status"
