#!/usr/bin/env bash
# Runs every test of the project: unit, adapter, architecture and end-to-end.
set -euo pipefail
cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.."
exec mvn -B verify "$@"
