#!/usr/bin/env bash
# Makes this machine ready for scrapekit's tests. Idempotent: every step checks before it acts.
#  - Debian's prometheus (promtool + a server for end-to-end tests) and the Go oracles
#    prometheus-node-exporter / prometheus-mysqld-exporter, installed when missing and we are root;
#  - prometheus-pushgateway and victoria-metrics, the push tests' receivers (never started here);
#  - MariaDB on 127.0.0.1:3306 and RabbitMQ on 5672, started when stopped;
#  - RabbitMQ's rabbitmq_management (API on 15672) and rabbitmq_prometheus (15692) plugins enabled;
#  - a Docker engine (docker.io, dockerd started) and the local base image of docker/Dockerfile.
# It never fails the run by itself outside CI: the tests then report what is missing. In CI
# (CI=true) a service that cannot be made ready is an error.
set -u

log() { printf 'prepare-services: %s\n' "$*"; }
strict=0; [ "${CI:-}" = "true" ] && strict=1
problems=0
problem() { log "PROBLEM: $*"; problems=$((problems + 1)); }

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && exec 3>&- 3<&-; }
wait_port() { # port seconds
  local i
  for ((i = 0; i < $2 * 4; i++)); do port_open "$1" && return 0; sleep 0.25; done
  return 1
}
is_root() { [ "$(id -u)" = 0 ]; }

# 1. Debian packages.
missing=()
command -v promtool >/dev/null 2>&1 || missing+=(prometheus)
command -v prometheus >/dev/null 2>&1 || missing+=(prometheus)
command -v prometheus-node-exporter >/dev/null 2>&1 || missing+=(prometheus-node-exporter)
command -v prometheus-mysqld-exporter >/dev/null 2>&1 || missing+=(prometheus-mysqld-exporter)
# Push mode's receivers (exporter-kit test/push): the tests start their own instances.
command -v prometheus-pushgateway >/dev/null 2>&1 || missing+=(prometheus-pushgateway)
command -v victoria-metrics >/dev/null 2>&1 || missing+=(victoria-metrics)
command -v openssl >/dev/null 2>&1 || missing+=(openssl) # mysql-exporter's TLS test makes its certificates
# node-exporter's live netlink/ioctl tests compare with ip and tc (iproute2) and ethtool.
command -v ip >/dev/null 2>&1 || missing+=(iproute2)
command -v tc >/dev/null 2>&1 || missing+=(iproute2)
command -v ethtool >/dev/null 2>&1 || missing+=(ethtool)
# The node ntp collector's test runs its own chronyd on a loopback port (never the system clock).
[ -x /usr/sbin/chronyd ] || missing+=(chrony)
# The node logind collector's test runs a private dbus-daemon (never the system bus).
[ -x /usr/bin/dbus-daemon ] || missing+=(dbus-daemon)
if [ ${#missing[@]} -gt 0 ]; then
  mapfile -t missing < <(printf '%s\n' "${missing[@]}" | sort -u)
  if is_root && command -v apt-get >/dev/null 2>&1; then
    log "installing ${missing[*]}"
    # Keep the packages' init scripts from starting daemons (a node exporter on :9100 would
    # take the port `npm start` serves on); the tests run the oracles themselves.
    policy=/usr/sbin/policy-rc.d
    created_policy=0
    if [ ! -e "$policy" ]; then printf '#!/bin/sh\nexit 101\n' > "$policy"; chmod +x "$policy"; created_policy=1; fi
    apt-get update -qq >/dev/null 2>&1 || log "apt-get update failed; trying the install anyway"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/tmp/scrapekit-apt.log 2>&1 \
      || problem "apt-get install ${missing[*]} failed (see /tmp/scrapekit-apt.log)"
    [ "$created_policy" = 1 ] && rm -f "$policy"
  else
    problem "missing ${missing[*]}: install Debian's packages (apt-get install ${missing[*]}) as root"
  fi
fi

# 2. MariaDB.
if ! port_open 3306; then
  if is_root && [ -x /usr/sbin/mariadbd ]; then
    log "starting MariaDB"
    mkdir -p /run/mysqld && chown mysql:mysql /run/mysqld 2>/dev/null
    start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd
    wait_port 3306 60 || problem "MariaDB did not open 127.0.0.1:3306 within 60 s"
  else
    problem "MariaDB is not listening on 127.0.0.1:3306"
  fi
fi

# 3. RabbitMQ and its plugins.
if ! port_open 5672; then
  if is_root && command -v rabbitmq-server >/dev/null 2>&1; then
    log "starting RabbitMQ"
    rabbitmq-server -detached >/dev/null 2>&1
    wait_port 5672 120 || problem "RabbitMQ did not open 127.0.0.1:5672 within 120 s"
  else
    problem "RabbitMQ is not listening on 127.0.0.1:5672"
  fi
fi
if port_open 5672 && command -v rabbitmq-plugins >/dev/null 2>&1; then
  if ! port_open 15672 || ! port_open 15692; then
    log "enabling rabbitmq_management and rabbitmq_prometheus"
    rabbitmq-plugins enable rabbitmq_management rabbitmq_prometheus >/dev/null 2>&1 \
      || problem "rabbitmq-plugins enable failed"
  fi
  wait_port 15672 60 || problem "RabbitMQ management API is not listening on 127.0.0.1:15672"
  wait_port 15692 30 || problem "rabbitmq_prometheus is not listening on 127.0.0.1:15692"
fi

# 4. Docker engine and the images' base (owner: docker/; self-contained block).
# Debian's docker.io provides dockerd (started here as root, in the background: no systemd in
# these containers) and a docker client that builds with BuildKit; docker-compose validates and
# runs docker/compose.yml. No registry can be pulled from here, so the base image the Dockerfile
# names (node:<exact version>-bookworm-slim) is made locally by the shared node-base.sh, which
# takes an exact Node version as well as a major. The image tests skip without an engine, and
# fail under CI=true.
prepare_docker() {
  local repo base_image node_version node_base candidate
  repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
  if ! command -v dockerd >/dev/null 2>&1 || ! command -v docker-compose >/dev/null 2>&1; then
    if is_root && command -v apt-get >/dev/null 2>&1; then
      log "installing docker.io docker-compose"
      apt-get update -qq >/dev/null 2>&1 || log "apt-get update failed; trying the install anyway"
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends docker.io docker-compose \
        >/tmp/scrapekit-apt-docker.log 2>&1 \
        || { problem "apt-get install docker.io docker-compose failed (see /tmp/scrapekit-apt-docker.log)"; return; }
    else
      problem "no Docker engine: install Debian's docker.io and docker-compose as root"; return
    fi
  fi
  if ! docker info >/dev/null 2>&1; then
    if is_root && command -v dockerd >/dev/null 2>&1; then
      log "starting dockerd (log: /var/log/scrapekit-dockerd.log)"
      start-stop-daemon --start --oknodo --background --make-pidfile --pidfile /run/scrapekit-dockerd.pid \
        --output /var/log/scrapekit-dockerd.log --exec "$(command -v dockerd)"
      local i
      for ((i = 0; i < 120; i++)); do docker info >/dev/null 2>&1 && break; sleep 0.5; done
    fi
    docker info >/dev/null 2>&1 || { problem "the Docker engine does not answer (docker info)"; return; }
  fi
  base_image=$(sed -n 's/^ARG NODE_IMAGE=//p' "$repo/docker/Dockerfile")
  node_version=$(printf '%s' "$base_image" | sed -n 's/^node:\([0-9][0-9.]*\)-bookworm-slim$/\1/p')
  [ -n "$node_version" ] || { problem "docker/Dockerfile: no ARG NODE_IMAGE=node:<version>-bookworm-slim"; return; }
  docker image inspect "$base_image" >/dev/null 2>&1 && return
  node_base=${SCRAPEKIT_NODE_BASE_SCRIPT:-}
  for candidate in "$repo/../shared/docker/node-base.sh" "$repo/../../shared/docker/node-base.sh"; do
    [ -z "$node_base" ] && [ -f "$candidate" ] && node_base=$candidate
  done
  if [ -n "$node_base" ] && is_root; then
    log "making the local base image $base_image with $node_base (about a minute)"
    bash "$node_base" "$node_version" >/tmp/scrapekit-node-base.log 2>&1 \
      || problem "$node_base $node_version failed (see /tmp/scrapekit-node-base.log)"
  else
    problem "no image $base_image and no shared/docker/node-base.sh beside the repository to make it (docker pull $base_image where a registry is reachable)"
  fi
}
prepare_docker

if [ "$problems" -gt 0 ]; then
  if [ "$strict" = 1 ]; then log "$problems problem(s); failing because CI=true"; exit 1; fi
  log "$problems problem(s); tests that need them will say so"
else
  log "services ready"
fi
exit 0
