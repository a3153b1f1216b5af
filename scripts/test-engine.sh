#!/usr/bin/env bash
# Private Docker engine for car's tests, on this machine, offline.
#
#   scripts/test-engine.sh start    install what is missing, start dockerd, import test images;
#                                   prints the socket URL (unix://.../docker.sock) as the last stdout line
#   scripts/test-engine.sh stop     stop the daemon by its recorded PID (TERM, then KILL)
#   scripts/test-engine.sh status   exit 0 when the engine answers, 1 otherwise
#   scripts/test-engine.sh env      print: export DOCKER_HOST=unix://.../docker.sock
#
# Environment:
#   CAR_ENGINE_DIR            runtime folder (default /tmp/car-engine), absolute, at most
#                             69 bytes (unix socket paths under it must fit in 107)
#   CAR_ENGINE_START_TIMEOUT  seconds to wait for /_ping to answer OK (default 30)
#   CAR_ENGINE_STOP_TIMEOUT   seconds to wait after TERM before KILL (default 20)
#
# Images (built with `docker import`, no registry needed):
#   car-test:busybox (also tagged busybox:latest)  static busybox rootfs
#   car-test:full-dev                              same rootfs + fake codex, opencode, python3,
#                                                  git, rg, node, pnpm and bash
#
# The engine has no bridge network (--bridge=none): containers get loopback only.
set -euo pipefail

# dockerd, runc and friends live in sbin, which a non-login PATH may lack.
PATH="$PATH:/usr/local/sbin:/usr/sbin:/sbin"

DIR="${CAR_ENGINE_DIR:-/tmp/car-engine}"
SOCK="$DIR/docker.sock"
URL="unix://$SOCK"
PIDFILE="$DIR/docker.pid"
LOG="$DIR/dockerd.log"
START_TIMEOUT="${CAR_ENGINE_START_TIMEOUT:-30}"
STOP_TIMEOUT="${CAR_ENGINE_STOP_TIMEOUT:-20}"

IMAGE_BASE="car-test:busybox"
IMAGE_FULL="car-test:full-dev"
IMAGE_ALIAS="busybox:latest"
IMAGE_PATH="/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
FAKE_TOOLS="codex opencode python3 git rg node pnpm"
# Bump when the image recipe below changes, so existing data roots get re-imported images.
IMAGE_RECIPE=2
ROOTFS=""

log() { printf 'test-engine: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

usage() {
    echo "usage: $0 start|stop|status|env" >&2
    exit 2
}

# --- packages -------------------------------------------------------------

need_packages() {
    local cmd
    for cmd in dockerd docker containerd containerd-shim-runc-v2 runc; do
        command -v "$cmd" >/dev/null 2>&1 || return 0
    done
    # The rootfs needs a statically linked busybox: it has no libc.
    [ "$(dpkg-query -W -f='${Status}' busybox-static 2>/dev/null)" = "install ok installed" ] || return 0
    return 1
}

apt_lists_empty() {
    ! compgen -G '/var/lib/apt/lists/*_Packages*' >/dev/null
}

apt_install() {
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
        docker.io busybox-static >"$1" 2>&1
}

ensure_packages() {
    need_packages || return 0
    [ "$(id -u)" -eq 0 ] || die "docker.io and busybox-static are missing; run 'start' as root to install them"
    log "installing docker.io busybox-static with apt-get"
    local out
    out="$(mktemp)"
    # Update only when needed: it is the slow, network-heavy part.
    if apt_lists_empty; then
        apt-get update -q >"$out" 2>&1 || { cat "$out" >&2; rm -f "$out"; die "apt-get update failed"; }
    fi
    if ! apt_install "$out"; then
        log "install failed; running apt-get update and retrying"
        apt-get update -q >"$out" 2>&1 || { cat "$out" >&2; rm -f "$out"; die "apt-get update failed"; }
        apt_install "$out" || { cat "$out" >&2; rm -f "$out"; die "apt-get install failed"; }
    fi
    rm -f "$out"
    # containerd, runc and docker-init (tini) are dependencies of docker.io; check they came.
    local cmd
    for cmd in dockerd docker containerd containerd-shim-runc-v2 runc docker-init; do
        command -v "$cmd" >/dev/null 2>&1 || die "'$cmd' is still missing after installing docker.io"
    done
    [ -x /bin/busybox ] || die "/bin/busybox is missing after installing busybox-static"
}

# --- daemon ---------------------------------------------------------------

ping_ok() {
    [ -S "$SOCK" ] || return 1
    if command -v curl >/dev/null 2>&1; then
        [ "$(curl -fsS --max-time 2 --unix-socket "$SOCK" http://localhost/_ping 2>/dev/null)" = "OK" ]
    else
        docker -H "$URL" version >/dev/null 2>&1
    fi
}

# PID from the pidfile, only if that process is alive and is our dockerd
# (guards against a stale pidfile whose PID was reused).
daemon_pid() {
    local pid
    [ -f "$PIDFILE" ] || return 1
    pid="$(cat "$PIDFILE" 2>/dev/null)" || return 1
    [[ "$pid" =~ ^[0-9]+$ ]] || return 1
    alive "$pid" || return 1
    local cmdline
    cmdline="$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null)" || return 1
    case "$cmdline" in *dockerd*"--host=$URL "*) ;; *) return 1 ;; esac
    echo "$pid"
}

# Processes left behind by a KILLed dockerd (its containerd and shims) name our exec root.
kill_leftovers() {
    local p cmdline
    for p in /proc/[0-9]*; do
        cmdline="$(tr '\0' ' ' <"$p/cmdline" 2>/dev/null)" || continue
        case "$cmdline" in
            *"$DIR/exec/"*) kill -KILL "${p#/proc/}" 2>/dev/null || true ;;
        esac
    done
}

# Running, not a zombie: a daemon that exited stays a zombie until PID 1 reaps it.
alive() {
    local state
    kill -0 "$1" 2>/dev/null || return 1
    # The state follows the command name, which is in parentheses.
    state="$(sed -n 's/.*) \(.\).*/\1/p' "/proc/$1/stat" 2>/dev/null)" || return 1
    [ "$state" != Z ]
}

# Wait up to $2 seconds for PID $1 to exit.
wait_gone() {
    local pid="$1" deadline=$((SECONDS + $2))
    while alive "$pid"; do
        [ "$SECONDS" -lt "$deadline" ] || return 1
        sleep 0.1
    done
}

start_daemon() {
    mkdir -p "$DIR"
    # A stale socket or pidfile from a crash would make dockerd refuse to start.
    rm -f "$SOCK" "$PIDFILE"
    # dockerd 20.10 leaves a network sandbox in this store for every container run
    # on the "none" network, and removes them one by one (~0.2 s each) at its next
    # start. The store holds nothing else we need ("none" and "host" are recreated),
    # so drop it while the daemon is down to keep starts fast.
    rm -f "$DIR/data/network/files/local-kv.db"
    # Own (empty) config file, so a host /etc/docker/daemon.json cannot interfere.
    [ -f "$DIR/daemon.json" ] || echo '{}' >"$DIR/daemon.json"
    # One log per start, the previous one kept: bounded, and its tail is this start's.
    [ ! -f "$LOG" ] || mv -f "$LOG" "$LOG.1"
    log "starting dockerd on $URL (log: $LOG)"
    local t0
    t0="$(date +%s%N)"
    # setsid: the daemon must outlive this script and not get the caller's signals.
    # 9>&-: the daemon must not inherit (and so hold forever) the start/stop lock.
    setsid dockerd \
        --config-file="$DIR/daemon.json" \
        --storage-driver=vfs \
        --iptables=false --ip6tables=false --bridge=none \
        --host="$URL" \
        --data-root="$DIR/data" \
        --exec-root="$DIR/exec" \
        --pidfile="$PIDFILE" \
        </dev/null >"$LOG" 2>&1 9>&- &
    local pid=$! deadline=$((SECONDS + START_TIMEOUT))
    until ping_ok; do
        if ! alive "$pid"; then
            fail_start "dockerd exited before answering"
        fi
        if [ "$SECONDS" -ge "$deadline" ]; then
            kill -KILL "$pid" 2>/dev/null || true
            kill_leftovers
            fail_start "dockerd did not answer /_ping within ${START_TIMEOUT}s"
        fi
        sleep 0.1
    done
    log "dockerd ready (pid $pid, $(( ($(date +%s%N) - t0) / 1000000 )) ms)"
}

fail_start() {
    log "error: $1; last lines of $LOG:"
    tail -n 20 "$LOG" >&2 || true
    rm -f "$SOCK" "$PIDFILE"
    exit 1
}

# --- images ---------------------------------------------------------------

# Present and built by the current recipe.
has_image() {
    local recipe
    recipe="$(docker -H "$URL" image inspect -f '{{index .Config.Labels "car.test-image.recipe"}}' "$1" 2>/dev/null)" || return 1
    [ "$recipe" = "$IMAGE_RECIPE" ]
}

import_rootfs() {
    local root="$1" tag="$2"
    log "importing $tag"
    # Numeric root ownership: the rootfs is built by whoever runs this, images want root.
    tar --owner=0 --group=0 --numeric-owner -C "$root" -cf - . |
        docker -H "$URL" import \
            --change 'CMD ["/bin/sh"]' \
            --change "ENV PATH=$IMAGE_PATH" \
            --change "LABEL car.test-image.recipe=$IMAGE_RECIPE" \
            - "$tag" >&2
}

build_base_rootfs() {
    local root="$1" applet
    chmod 0755 "$root"   # mktemp -d makes 0700; tar records this as the mode of /
    mkdir -p "$root/bin" "$root/etc" "$root/tmp" "$root/root" "$root/dev" "$root/proc" "$root/sys"
    chmod 1777 "$root/tmp"
    chmod 0700 "$root/root"
    cp /bin/busybox "$root/bin/busybox"
    chmod 0755 "$root/bin/busybox"
    for applet in $(/bin/busybox --list); do
        [ "$applet" = busybox ] || ln -s busybox "$root/bin/$applet"
    done
    cat >"$root/etc/passwd" <<'EOF'
root:x:0:0:root:/root:/bin/sh
nobody:x:65534:65534:nobody:/nonexistent:/bin/false
EOF
    cat >"$root/etc/group" <<'EOF'
root:x:0:
nogroup:x:65534:
EOF
    chmod 0644 "$root/etc/passwd" "$root/etc/group"
}

# The full-dev profile's preflight only runs `command -v` on these tools.
add_fake_tools() {
    local root="$1" tool
    mkdir -p "$root/usr/local/bin"
    for tool in $FAKE_TOOLS; do
        printf '#!/bin/sh\necho %s "$@"\n' "$tool" >"$root/usr/local/bin/$tool"
        chmod 0755 "$root/usr/local/bin/$tool"
    done
    # Not a symlink: busybox picks the applet from argv[0] and has no "bash" applet.
    printf '#!/bin/sh\nexec /bin/sh "$@"\n' >"$root/bin/bash"
    chmod 0755 "$root/bin/bash"
}

ensure_images() {
    if has_image "$IMAGE_BASE" && has_image "$IMAGE_FULL"; then
        has_image "$IMAGE_ALIAS" || docker -H "$URL" tag "$IMAGE_BASE" "$IMAGE_ALIAS"
        return 0
    fi
    local root
    root="$(mktemp -d "$DIR/rootfs.XXXXXX")"
    ROOTFS="$root"
    # Trap so an interrupted build does not leave a rootfs behind.
    trap 'rm -rf "$ROOTFS"' EXIT
    build_base_rootfs "$root"
    has_image "$IMAGE_BASE" || import_rootfs "$root" "$IMAGE_BASE"
    docker -H "$URL" tag "$IMAGE_BASE" "$IMAGE_ALIAS"
    if ! has_image "$IMAGE_FULL"; then
        add_fake_tools "$root"
        import_rootfs "$root" "$IMAGE_FULL"
    fi
    rm -rf "$root"
    trap - EXIT
}

# --- commands -------------------------------------------------------------

# One start/stop at a time, e.g. when test runs overlap.
take_lock() {
    mkdir -p "$DIR"
    exec 9>"$DIR/lock"
    flock -w 120 9 || die "could not lock $DIR/lock"
}

check_dir() {
    # sun_path holds 107 bytes; the deepest socket is containerd's
    # DIR/exec/containerd/containerd.sock.ttrpc, 38 bytes more than DIR.
    [ "${#DIR}" -le 69 ] || die "CAR_ENGINE_DIR is too long (max 69 bytes) for unix socket paths: $DIR"
    case "$DIR" in /*) ;; *) die "CAR_ENGINE_DIR must be an absolute path: $DIR" ;; esac
}

cmd_start() {
    take_lock
    if ping_ok; then
        log "already running on $URL"
    else
        ensure_packages
        local pid
        if pid="$(daemon_pid)"; then
            # Alive but silent while we hold the lock: it is hung, not starting; replace it.
            log "dockerd pid $pid is not answering; stopping it first"
            stop_daemon
        fi
        start_daemon
    fi
    ensure_images
    echo "$URL"
}

kill_containers() {
    local ids
    ping_ok || return 0
    ids="$(docker -H "$URL" ps -q 2>/dev/null)" || return 0
    [ -z "$ids" ] && return 0
    log "killing running containers: $(echo "$ids" | tr "\n" " ")"
    # shellcheck disable=SC2086  # one ID per word
    docker -H "$URL" kill $ids >/dev/null 2>&1 || true
}

stop_daemon() {
    local pid
    if pid="$(daemon_pid)"; then
        # dockerd gives each running container 10 s after TERM; test containers need
        # no grace, so kill them first and stop takes well under a second.
        kill_containers
        log "stopping dockerd (pid $pid)"
        kill -TERM "$pid" 2>/dev/null || true
        if ! wait_gone "$pid" "$STOP_TIMEOUT"; then
            log "dockerd did not exit within ${STOP_TIMEOUT}s; sending KILL"
            kill -KILL "$pid" 2>/dev/null || true
            wait_gone "$pid" 5 || die "dockerd (pid $pid) survived KILL"
            kill_leftovers
        fi
        log "stopped"
    else
        log "not running"
    fi
    rm -f "$PIDFILE" "$SOCK"
}

cmd_stop() {
    take_lock
    stop_daemon
}

cmd_status() {
    if ping_ok; then
        echo "running: $URL (pid $(cat "$PIDFILE" 2>/dev/null || echo '?'))"
    else
        echo "not running: $URL"
        return 1
    fi
}

cmd_env() {
    ping_ok || log "warning: engine is not running; run '$0 start'"
    echo "export DOCKER_HOST=$URL"
}

main() {
    [ $# -eq 1 ] || usage
    check_dir
    case "$1" in
        start) cmd_start ;;
        stop) cmd_stop ;;
        status) cmd_status ;;
        env) cmd_env ;;
        *) usage ;;
    esac
}

main "$@"
