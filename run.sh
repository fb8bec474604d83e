#!/usr/bin/env bash
# Runs Notify on SQLite with demo data; email and SMS go to the sandbox unless SMTP/Twilio are configured.
set -euo pipefail
cd "$(dirname "$0")"

export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
export Notify__Bootstrap__ApiKey="${Notify__Bootstrap__ApiKey:-demo-api-key}"
url="${NOTIFY_URL:-http://localhost:5080}"

dotnet tool restore >/dev/null
dotnet build Notify.Web -c Release -nologo -v quiet
echo
echo "  Notify is starting: open $url"
echo "  REST API key (X-Api-Key): $Notify__Bootstrap__ApiKey   OpenAPI: $url/openapi/v1.json"
echo
exec dotnet run --project Notify.Web -c Release --no-build --no-launch-profile --urls "$url"
