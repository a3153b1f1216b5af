#!/usr/bin/env bash
# Smoke test of a docker destination for one repo of a hub, through the car CLI only.
# Dry run by default (prints the commands, runs none, writes nothing); see usage() for --execute.
set -euo pipefail

usage() {
  cat <<'EOF'
Usage: scripts/smoke_destination_docker.sh --hub-root <path> --repo-id <id> [--image <image>] [--execute]

Smoke-tests a docker destination for one repo of a hub, through the car CLI.

Options:
  --hub-root <path>  Hub root (the folder holding .codex-autorunner/manifest.yml). Required.
  --repo-id <id>     Repo or worktree id from the hub manifest. Required.
  --image <image>    Docker image (default: car-test:busybox when the engine of the
                     current DOCKER_HOST has it, else busybox:latest).
  --execute          Run the commands. Without it: dry run, print them, change nothing.
  -h, --help         Show this help.

With --execute, in order:
  01 record the current destination    05 car doctor
  02 set docker with the image         06 restore the recorded destination (runs whenever
  03 show it                              02 was attempted, even after a failure)
  04 probe through car exec: id, pwd,  07 show it again; it must match the record
     the repo mount, env KEYS only
Evidence (NN_<step>.stdout/.stderr/.exit_code and summary.txt) goes to
  <hub_root>/.codex-autorunner/runs/destination-smoke-<UTC yyyymmddThhmmssZ>/
The container the probe creates stays (labelled ca.managed=true; car manages it).

Exit codes: 0 every step passed, 1 a step or the setup failed, 2 usage error.
EOF
}

# --- arguments -------------------------------------------------------------

HUB_ROOT=""
REPO_ID=""
IMAGE=""
IMAGE_GIVEN=0
EXECUTE=0

usage_error() {
  echo "$1" >&2
  usage >&2
  exit 2
}

parse_args() {
  while [ $# -gt 0 ]; do
    case "$1" in
      --hub-root|--repo-id|--image)
        [ $# -ge 2 ] || usage_error "Missing value for $1"
        case "$1" in
          --hub-root) HUB_ROOT="$2" ;;
          --repo-id) REPO_ID="$2" ;;
          --image) IMAGE="$2"; IMAGE_GIVEN=1 ;;
        esac
        shift 2
        ;;
      --execute) EXECUTE=1; shift ;;
      -h|--help) usage; exit 0 ;;
      *) usage_error "Unknown argument: $1" ;;
    esac
  done
  if [ -z "$HUB_ROOT" ] || [ -z "$REPO_ID" ]; then
    usage_error "Both --hub-root and --repo-id are required."
  fi
  if [ "$IMAGE_GIVEN" -eq 1 ] && [ -z "$IMAGE" ]; then
    echo "--image cannot be empty." >&2
    exit 2
  fi
}

# --- setup -----------------------------------------------------------------

CAR=()          # the car command, as argv
CAR_DISPLAY=""  # the same, for the header
REPO_PATH=""
EVIDENCE=""

# car on the PATH, else this checkout's ./car launcher (which builds car on first use).
resolve_car() {
  local here launcher
  if command -v car >/dev/null 2>&1; then
    CAR=(car)
    CAR_DISPLAY="car"
    return 0
  fi
  here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
  launcher="$(dirname "$here")/car"
  if [ -f "$launcher" ] && [ -x "$launcher" ]; then
    CAR=("$launcher")
    CAR_DISPLAY="$launcher"
    return 0
  fi
  echo "Could not resolve CAR CLI command. Install 'car' or run from a car checkout." >&2
  exit 1
}

# The offline test image when the engine has it (scripts/test-engine.sh imports it), else busybox.
default_image() {
  local limit=()
  command -v timeout >/dev/null 2>&1 && limit=(timeout 15)
  if command -v docker >/dev/null 2>&1 \
      && ${limit[@]+"${limit[@]}"} docker image inspect car-test:busybox >/dev/null 2>&1 </dev/null; then
    echo "car-test:busybox"
  else
    echo "busybox:latest"
  fi
}

# Decodes one JSON string literal (quotes included) read from stdin; \uXXXX becomes UTF-8.
json_string_decode() {
  LC_ALL=C awk '
    function hexval(h,   i, v) {
      v = 0
      for (i = 1; i <= length(h); i++) v = v * 16 + index("0123456789abcdef", tolower(substr(h, i, 1))) - 1
      return v
    }
    function utf8(c) {
      if (c < 128) return sprintf("%c", c)
      if (c < 2048) return sprintf("%c%c", 192 + int(c / 64), 128 + c % 64)
      if (c < 65536) return sprintf("%c%c%c", 224 + int(c / 4096), 128 + int(c / 64) % 64, 128 + c % 64)
      return sprintf("%c%c%c%c", 240 + int(c / 262144), 128 + int(c / 4096) % 64, 128 + int(c / 64) % 64, 128 + c % 64)
    }
    {
      s = $0; sub(/^[ \t]*"/, "", s); sub(/"[ \t,]*$/, "", s)
      out = ""
      while ((i = index(s, "\\")) > 0) {
        out = out substr(s, 1, i - 1); e = substr(s, i + 1, 1); s = substr(s, i + 2)
        if (e == "n") out = out "\n"; else if (e == "t") out = out "\t"
        else if (e == "r") out = out "\r"; else if (e == "b") out = out "\b"
        else if (e == "f") out = out "\f"
        else if (e == "u") {
          c = hexval(substr(s, 1, 4)); s = substr(s, 5)
          if (c >= 55296 && c < 56320 && substr(s, 1, 2) == "\\u") {
            c = 65536 + (c - 55296) * 1024 + hexval(substr(s, 3, 4)) - 56320; s = substr(s, 7)
          }
          out = out utf8(c)
        } else out = out e
      }
      printf "%s", out s
    }'
}

# Prints the value of a top-level key of car's pretty-printed JSON object (2-space indent, one
# member per line) as JSON text, without the trailing comma. car prints canonical JSON, so two
# equal values print the same text.
json_top_value() {
  awk -v prefix="  \"$1\": " '
    !on && index($0, prefix) == 1 { on = 1; lines[++n] = substr($0, length(prefix) + 1); next }
    on && (/^  "/ || /^}/) { exit }
    on { lines[++n] = $0 }
    END {
      if (n > 0) sub(/,$/, "", lines[n])
      for (i = 1; i <= n; i++) print lines[i]
    }' "$2"
}

# The repo's folder, from `car hub repo list --json`: <hub_root>/<path>, resolved.
resolve_repo_path() {
  local listing path_literal rel
  listing="$(mktemp)"
  if ! "${CAR[@]}" hub repo list --json --path "$HUB_ROOT" >"$listing" </dev/null; then
    rm -f "$listing"
    echo "Could not list the hub's repos: $CAR_DISPLAY hub repo list --json --path $HUB_ROOT failed." >&2
    exit 1
  fi
  # The repo objects are the members of "repos"; their fields are indented by 6 spaces.
  path_literal="$(awk -v want="$REPO_ID" '
    /^      "id": / { id = $0; sub(/^      "id": "/, "", id); sub(/",?$/, "", id) }
    /^      "path": / { path = $0; sub(/^      "path": /, "", path) }
    /^    }/ { if (id == want) { print path; exit } id = ""; path = "" }' "$listing")"
  rm -f "$listing"
  if [ -z "$path_literal" ]; then
    echo "Repo id not found in manifest: $REPO_ID" >&2
    exit 1
  fi
  rel="$(printf '%s\n' "$path_literal" | json_string_decode)"
  case "$rel" in
    /*) REPO_PATH="$rel" ;;
    *) REPO_PATH="$HUB_ROOT/$rel" ;;
  esac
  # Resolved, as car mounts it; a missing folder stays as the manifest says (the probe reports it).
  if [ -d "$REPO_PATH" ]; then
    REPO_PATH="$(cd "$REPO_PATH" && pwd -P)"
  fi
}

# A name that is free, from the UTC time; created by --execute only.
evidence_dir_name() {
  local base n=2
  base="$HUB_ROOT/.codex-autorunner/runs/destination-smoke-$(date -u +%Y%m%dT%H%M%SZ)"
  EVIDENCE="$base"
  while [ -e "$EVIDENCE" ]; do
    EVIDENCE="$base-$n"
    n=$((n + 1))
  done
}

create_evidence_dir() {
  mkdir -p "$HUB_ROOT/.codex-autorunner/runs"
  # Private: the recorded destination may hold explicit env values (never passthrough ones).
  # mkdir is atomic: a run started in the same second takes the next free name.
  until mkdir -m 700 "$EVIDENCE" 2>/dev/null; do
    [ -e "$EVIDENCE" ] || { echo "Cannot create $EVIDENCE" >&2; exit 1; }
    evidence_dir_name
  done
}

print_header() {
  printf '%-12s%s\n' "Hub root:" "$HUB_ROOT" "Repo id:" "$REPO_ID" "Repo path:" "$REPO_PATH" \
    "Image:" "$IMAGE" "Execute:" "$EXECUTE" "CAR cmd:" "$CAR_DISPLAY" "Evidence:" "$EVIDENCE"
  echo
}

# --- steps -----------------------------------------------------------------

# Runs in the container: identity, working directory, the repo mount, and env KEYS only (awk's
# ENVIRON keys; never an `env` value). Exits 1 when the repo is not visible.
# shellcheck disable=SC2016  # expanded by the container's sh, not here
PROBE='repo="$1"; echo "id: $(id)"; echo "pwd: $(pwd)"; if [ -d "$repo" ]; then echo "repo: $repo (visible)"; ls -la "$repo"; else echo "repo: $repo (NOT visible)"; fi; echo "env keys:"; if command -v awk >/dev/null 2>&1; then awk "BEGIN { for (k in ENVIRON) print k }" | sort; else env | sed -n "s/^\([A-Za-z_][A-Za-z0-9_]*\)=.*/\1/p" | sort -u; fi; [ -d "$repo" ]'

STEPS=(01_record_destination 02_set_docker 03_show_docker 04_probe 05_doctor
  06_restore_destination 07_verify_restore)
SET_ATTEMPTED=0       # 02 ran: the destination may have changed, so 06 must run
RESTORED=0
RUNNING_STEP=""       # the step whose command is running, for an interrupted run
INTERRUPTED=0
RECORD_CONFIGURED=""  # file: configured_destination before the run, as JSON text (or null)
RECORD_EFFECTIVE=""   # file: effective_destination before the run

# A step's summary line ("exit=N PASS|FAIL [...]") is kept in RESULT_<step> (no bash 4 maps).
set_result() { printf -v "RESULT_$1" '%s' "$2"; }
get_result() { local var="RESULT_$1"; printf '%s' "${!var:-}"; }
step_passed() { case "$(get_result "$1")" in *PASS*) return 0 ;; *) return 1 ;; esac; }

# "+ argv", each word shell-quoted with %q; a word with blanks (the probe script) goes in single
# quotes instead when it has none, which reads better and quotes the same.
argv_line() {
  local word
  printf '+'
  for word in "$@"; do
    case "$word" in
      *"'"*|*[![:print:]]*) printf ' %q' "$word" ;;
      *[[:blank:]]*) printf " '%s'" "$word" ;;
      *) printf ' %q' "$word" ;;
    esac
  done
  printf '\n'
}

# run_step STEP ARGV...: echoes the command and runs it, keeping (and showing) its stdout,
# stderr and exit code as evidence; records PASS (exit 0) or FAIL.
run_step() {
  local step="$1" rc
  shift
  argv_line "$@"
  RUNNING_STEP="$step"
  if "$@" >"$EVIDENCE/$step.stdout" 2>"$EVIDENCE/$step.stderr" </dev/null; then rc=0; else rc=$?; fi
  echo "$rc" >"$EVIDENCE/$step.exit_code"
  RUNNING_STEP=""
  cat "$EVIDENCE/$step.stdout" || true  # shown best effort (the terminal may be gone)
  cat "$EVIDENCE/$step.stderr" >&2 || true
  if [ "$rc" -eq 0 ]; then
    set_result "$step" "exit=0 PASS"
  else
    set_result "$step" "exit=$rc FAIL"
    echo "Step $step failed (exit=$rc)." >&2
  fi
  return "$rc"
}

skip_steps() {
  local reason="$1" step
  shift
  for step in "$@"; do
    set_result "$step" "exit=- FAIL (skipped: $reason)"
  done
}

# 01: keep configured_destination (what the manifest holds) and effective_destination.
record_destination() {
  local show="$EVIDENCE/01_record_destination.stdout" configured source
  run_step 01_record_destination "${CAR[@]}" hub destination show "$REPO_ID" --json --path "$HUB_ROOT" || return 1
  RECORD_CONFIGURED="$EVIDENCE/01_record_destination.configured.json"
  RECORD_EFFECTIVE="$EVIDENCE/01_record_destination.effective.json"
  json_top_value configured_destination "$show" >"$RECORD_CONFIGURED"
  json_top_value effective_destination "$show" >"$RECORD_EFFECTIVE"
  configured="$(cat "$RECORD_CONFIGURED")"
  source="$(json_top_value source "$show")"
  if [ -z "$configured" ] || [ ! -s "$RECORD_EFFECTIVE" ]; then
    set_result 01_record_destination "exit=0 FAIL (no configured/effective destination in the output)"
    return 1
  fi
  # A configured destination that car does not use (source is not "repo") is invalid. car keeps
  # it, but `set` cannot write it back, so the smoke run would lose it: change nothing.
  if [ "$configured" != "null" ] && [ "$source" != '"repo"' ]; then
    set_result 01_record_destination "exit=0 FAIL (the configured destination is invalid and could not be restored; fix it first)"
    echo "The configured destination of $REPO_ID is invalid (source=$source); fix it before the smoke run." >&2
    return 1
  fi
}

# 06: put back what 01 recorded. A recorded destination goes back with `set --from-json` (the web
# API body: kind, image, container_name, mounts, env_passthrough, workdir, profile, env; `show`
# prints exactly those canonical keys, so every field comes back as it was). A repo that had no
# destination of its own gets none again with `unset`, so it inherits or defaults as before.
restore_destination() {
  local request="$EVIDENCE/06_restore_destination.request.json"
  RESTORED=1
  if [ "$(cat "$RECORD_CONFIGURED")" = "null" ]; then
    run_step 06_restore_destination "${CAR[@]}" hub destination unset "$REPO_ID" --json --path "$HUB_ROOT" \
      || return 0
  else
    cp "$RECORD_CONFIGURED" "$request"
    run_step 06_restore_destination "${CAR[@]}" hub destination set "$REPO_ID" --from-json "$request" \
      --json --path "$HUB_ROOT" || return 0
  fi
}

# 07: after the restore the effective and configured destinations must equal the recorded ones.
verify_restore() {
  local show="$EVIDENCE/07_verify_restore.stdout" problem=""
  run_step 07_verify_restore "${CAR[@]}" hub destination show "$REPO_ID" --json --path "$HUB_ROOT" || return 0
  if [ "$(json_top_value effective_destination "$show")" != "$(cat "$RECORD_EFFECTIVE")" ]; then
    problem="the effective destination differs from the recorded one"
  elif [ "$(json_top_value configured_destination "$show")" != "$(cat "$RECORD_CONFIGURED")" ]; then
    problem="the configured destination differs from the recorded one"
  fi
  if [ -n "$problem" ]; then
    set_result 07_verify_restore "exit=0 FAIL ($problem)"
    echo "Step 07_verify_restore failed: $problem." >&2
  fi
}

# EXIT trap of an --execute run: restores (once) if 02 was attempted, whatever happened before,
# then writes summary.txt; exits 0 only if every step passed.
finish() {
  local status=$? failed=() step line
  trap - EXIT INT TERM HUP
  set +e
  if [ -n "$RUNNING_STEP" ]; then
    set_result "$RUNNING_STEP" "exit=- FAIL (interrupted)"
    RUNNING_STEP=""
  fi
  if [ "$SET_ATTEMPTED" -eq 1 ] && [ "$RESTORED" -eq 0 ]; then
    restore_destination
    verify_restore
  fi
  for step in "${STEPS[@]}"; do
    line="$(get_result "$step")"
    echo "$step ${line:-exit=- FAIL (did not run)}"
    step_passed "$step" || failed+=("$step")
  done >"$EVIDENCE/summary.txt"
  if [ "${#failed[@]}" -eq 0 ] && [ "$status" -eq 0 ]; then
    echo "overall PASS"
  elif [ "$INTERRUPTED" -eq 1 ]; then
    echo "overall FAIL (interrupted; failed: ${failed[*]:-none})"
  elif [ "${#failed[@]}" -eq 0 ]; then
    echo "overall FAIL (aborted, exit=$status)"
  else
    echo "overall FAIL (failed: ${failed[*]})"
  fi >>"$EVIDENCE/summary.txt"
  echo
  cat "$EVIDENCE/summary.txt"
  echo
  echo "Smoke run complete."
  echo "Evidence written to: $EVIDENCE"
  if [ "${#failed[@]}" -eq 0 ] && [ "$status" -eq 0 ]; then
    exit 0
  fi
  exit 1
}

interrupted() {
  INTERRUPTED=1
  echo "Interrupted." >&2
  exit 1
}

execute() {
  create_evidence_dir
  print_header
  trap finish EXIT
  trap interrupted INT TERM HUP
  # A closed terminal or pipe must not end the run before the restore: output is best effort,
  # the evidence is on disk.
  trap '' PIPE
  if ! record_destination; then
    echo "Could not record the current destination; nothing was changed." >&2
    skip_steps "01_record_destination failed" 02_set_docker 03_show_docker 04_probe 05_doctor \
      06_restore_destination 07_verify_restore
    return 0
  fi
  SET_ATTEMPTED=1
  if run_step 02_set_docker "${CAR[@]}" hub destination set "$REPO_ID" docker --image "$IMAGE" \
      --env 'CAR_*' --json --path "$HUB_ROOT"; then
    run_step 03_show_docker "${CAR[@]}" hub destination show "$REPO_ID" --json --path "$HUB_ROOT" || true
    run_step 04_probe "${CAR[@]}" exec "$REPO_ID" --path "$HUB_ROOT" -- sh -c "$PROBE" probe "$REPO_PATH" || true
    run_step 05_doctor "${CAR[@]}" doctor --path "$HUB_ROOT" --json || true
  else
    skip_steps "02_set_docker failed" 03_show_docker 04_probe 05_doctor
  fi
  restore_destination
  verify_restore
}

dry_run() {
  print_header
  argv_line "${CAR[@]}" hub destination show "$REPO_ID" --json --path "$HUB_ROOT"
  argv_line "${CAR[@]}" hub destination set "$REPO_ID" docker --image "$IMAGE" --env 'CAR_*' --json --path "$HUB_ROOT"
  argv_line "${CAR[@]}" hub destination show "$REPO_ID" --json --path "$HUB_ROOT"
  argv_line "${CAR[@]}" exec "$REPO_ID" --path "$HUB_ROOT" -- sh -c "$PROBE" probe "$REPO_PATH"
  argv_line "${CAR[@]}" doctor --path "$HUB_ROOT" --json
  echo "# then one of, as the repo had a destination of its own or not:"
  argv_line "${CAR[@]}" hub destination set "$REPO_ID" --from-json "$EVIDENCE/06_restore_destination.request.json" \
    --json --path "$HUB_ROOT"
  argv_line "${CAR[@]}" hub destination unset "$REPO_ID" --json --path "$HUB_ROOT"
  argv_line "${CAR[@]}" hub destination show "$REPO_ID" --json --path "$HUB_ROOT"
  cat <<EOF

Dry-run complete.
No commands were executed.

To execute:
  scripts/smoke_destination_docker.sh --hub-root "$HUB_ROOT" --repo-id "$REPO_ID" --image "$IMAGE" --execute
EOF
}

main() {
  parse_args "$@"
  HUB_ROOT="$(cd "$HUB_ROOT" && pwd -P)"
  local manifest="$HUB_ROOT/.codex-autorunner/manifest.yml"
  if [ ! -f "$manifest" ]; then
    echo "Manifest not found: $manifest" >&2
    exit 1
  fi
  resolve_car
  if [ "$IMAGE_GIVEN" -eq 0 ]; then
    IMAGE="$(default_image)"
  fi
  evidence_dir_name
  if [ "$EXECUTE" -eq 1 ]; then
    resolve_repo_path
    execute
  else
    REPO_PATH="<repo_path_from_manifest>"
    dry_run
  fi
}

main "$@"
