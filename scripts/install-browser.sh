#!/usr/bin/env bash
# Installs Debian's Chromium for the browser test of the HTML report (test/report/report-browser.test.ts,
# driven by playwright-core, which downloads no browser of its own). CI runs it before `npm test`; run it once
# on a development machine to have the test run instead of being skipped.
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then
  chromium --version
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
chromium --version
