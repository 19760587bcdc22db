#!/usr/bin/env bash
# Installs the tools from outside the JDK that some tests use. Safe to run again. Tests that need a tool
# that is not there are skipped with a message naming this script.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
echo "install-test-tools: nothing to install yet"
