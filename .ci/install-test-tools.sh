#!/usr/bin/env bash
# Installs the tools from outside the JDK that some tests use; safe to run again. Without them those tests are
# skipped with a message naming this script, so `./mvnw test` alone still needs only a JDK.
#   - Node packages (tools/package.json): fauxqs (SNS/SQS emulator), @cdktf/hcl2json (HCL parser), dockerfilelint
#   - Debian packages: shellcheck, chromium (headless, for the run report)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

need_apt=()
command -v shellcheck >/dev/null 2>&1 || need_apt+=(shellcheck)
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
if ((${#need_apt[@]})); then
  if [[ $(id -u) -ne 0 ]] && ! command -v sudo >/dev/null 2>&1; then
    echo "install-test-tools: cannot install ${need_apt[*]} (not root, no sudo); their tests will be skipped" >&2
  else
    sudo_cmd=""; [[ $(id -u) -ne 0 ]] && sudo_cmd="sudo"
    echo "install-test-tools: apt-get install ${need_apt[*]}"
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
  fi
fi

if command -v npm >/dev/null 2>&1; then
  echo "install-test-tools: npm install (tools/)"
  (cd tools && npm install --no-audit --no-fund --loglevel=error)
else
  echo "install-test-tools: npm not found; the SNS, Terraform and Dockerfile checks will be skipped" >&2
fi
echo "install-test-tools: done"
