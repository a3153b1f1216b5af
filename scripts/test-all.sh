#!/usr/bin/env bash
# Runs every test of the project: unit, adapter, architecture, end-to-end, and the tests against a
# real Docker engine. Uses $DOCKER_HOST when it answers; otherwise the private engine
# (scripts/test-engine.sh, needs root): one already running is used and left running, else one is
# started for the run and stopped afterwards. Under CI=true an engine that cannot start fails the
# run; elsewhere the engine tests are skipped with one printed reason.
set -euo pipefail
cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.."

engine_answers() {
  local host="${DOCKER_HOST:-}"
  [ -n "$host" ] || return 1
  case "$host" in
    unix://*) curl -fsS --max-time 5 --unix-socket "${host#unix://}" http://docker/_ping >/dev/null 2>&1 ;;
    tcp://*) curl -fsS --max-time 5 "http://${host#tcp://}/_ping" >/dev/null 2>&1 ;;
    *) return 1 ;;
  esac
}

# An engine someone else started (a developer, another run) is used and left running.
private_engine_was_running=no
scripts/test-engine.sh status >/dev/null 2>&1 && private_engine_was_running=yes

if engine_answers; then
  echo "test-all: using the Docker engine at $DOCKER_HOST" >&2
elif started=$(scripts/test-engine.sh start); then
  export DOCKER_HOST="${started##*$'\n'}"
  if [ "$private_engine_was_running" = no ]; then
    trap 'scripts/test-engine.sh stop >/dev/null 2>&1 || true' EXIT
    echo "test-all: started a private Docker engine at $DOCKER_HOST" >&2
  else
    echo "test-all: using the private Docker engine already running at $DOCKER_HOST" >&2
  fi
else
  if [ "${CI:-}" = "true" ]; then
    echo "test-all: no Docker engine could be started, and CI=true requires the engine tests" >&2
    exit 1
  fi
  unset DOCKER_HOST
  echo "test-all: no Docker engine could be started (run as root, or set DOCKER_HOST): the engine tests will be skipped" >&2
fi

mvn -B verify "$@"
