# Sourced by .ci/run: a Docker engine and an authenticated image registry on 127.0.0.1 for the Docker tests.
#
# start_docker_services installs what is missing, reuses a running engine or starts one, starts a registry on
# 127.0.0.1:5000 with a user and password made for this run, and exports:
#   OPENWHISK_DOCKER_REGISTRY, OPENWHISK_DOCKER_USERNAME, OPENWHISK_DOCKER_PASSWORD  read by openwhisk-docker
#   DOCKER_CONFIG  a client config directory of this run, logged in to the registry
# stop_docker_services stops what start_docker_services started and removes the docker0 bridge the engine made.

DOCKER_SERVICES_DIR=""
DOCKER_SERVICES_DOCKERD_PID=""
DOCKER_SERVICES_REGISTRY_PID=""
DOCKER_SERVICES_BRIDGE_MADE=false
DOCKER_SERVICES_REGISTRY_ADDRESS="127.0.0.1:5000"

install_missing_docker_packages() {
    local missing=()
    command -v dockerd >/dev/null || missing+=(docker.io)
    command -v docker-registry >/dev/null || missing+=(docker-registry)
    command -v debootstrap >/dev/null || missing+=(debootstrap)
    command -v htpasswd >/dev/null || missing+=(apache2-utils)
    if ((${#missing[@]} > 0)); then
        echo "Installing ${missing[*]}"
        apt-get update -q
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
    fi
}

wait_for() {
    local what=$1 seconds=$2
    shift 2
    local deadline=$((SECONDS + seconds))
    until "$@" >/dev/null 2>&1; do
        if ((SECONDS >= deadline)); then
            echo "$what did not come up within ${seconds} s; see the logs in $DOCKER_SERVICES_DIR" >&2
            return 1
        fi
        sleep 0.2
    done
}

start_docker_engine() {
    if docker info >/dev/null 2>&1; then
        echo "Using the running Docker engine"
        return
    fi
    ip link show docker0 >/dev/null 2>&1 || DOCKER_SERVICES_BRIDGE_MADE=true
    # No iptables rules and no forwarding: the host's firewall stays as it is; builds use host networking.
    dockerd --storage-driver=overlay2 --iptables=false --ip-forward=false \
        >"$DOCKER_SERVICES_DIR/dockerd.log" 2>&1 &
    DOCKER_SERVICES_DOCKERD_PID=$!
    wait_for "dockerd" 60 docker info
}

start_registry() {
    local user password
    user="ci-$(head -c 4 /dev/urandom | od -An -tx1 | tr -d ' \n')"
    password="$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
    htpasswd -Bbn "$user" "$password" >"$DOCKER_SERVICES_DIR/htpasswd"
    cat >"$DOCKER_SERVICES_DIR/registry.yml" <<YAML
version: 0.1
log:
  level: warn
storage:
  filesystem:
    rootdirectory: $DOCKER_SERVICES_DIR/registry-data
http:
  addr: $DOCKER_SERVICES_REGISTRY_ADDRESS
auth:
  htpasswd:
    realm: openwhisk-junit-ci
    path: $DOCKER_SERVICES_DIR/htpasswd
YAML
    docker-registry serve "$DOCKER_SERVICES_DIR/registry.yml" >"$DOCKER_SERVICES_DIR/registry.log" 2>&1 &
    DOCKER_SERVICES_REGISTRY_PID=$!
    wait_for "docker-registry" 30 curl -s -o /dev/null "http://$DOCKER_SERVICES_REGISTRY_ADDRESS/v2/"
    export OPENWHISK_DOCKER_REGISTRY="$DOCKER_SERVICES_REGISTRY_ADDRESS"
    export OPENWHISK_DOCKER_USERNAME="$user"
    export OPENWHISK_DOCKER_PASSWORD="$password"
    export DOCKER_CONFIG="$DOCKER_SERVICES_DIR/docker-config"
    mkdir -p "$DOCKER_CONFIG"
    if ! docker login --username "$user" --password-stdin "$DOCKER_SERVICES_REGISTRY_ADDRESS" <<<"$password" \
        >"$DOCKER_SERVICES_DIR/login.log" 2>&1; then
        cat "$DOCKER_SERVICES_DIR/login.log" >&2
        return 1
    fi
}

start_docker_services() {
    DOCKER_SERVICES_DIR="$(mktemp -d /tmp/openwhisk-junit-ci.XXXXXX)"
    install_missing_docker_packages
    start_docker_engine
    start_registry
}

stop_docker_services() {
    if [[ -n "$DOCKER_SERVICES_REGISTRY_PID" ]]; then
        kill "$DOCKER_SERVICES_REGISTRY_PID" 2>/dev/null || true
        wait "$DOCKER_SERVICES_REGISTRY_PID" 2>/dev/null || true
    fi
    if [[ -n "$DOCKER_SERVICES_DOCKERD_PID" ]]; then
        kill "$DOCKER_SERVICES_DOCKERD_PID" 2>/dev/null || true
        wait "$DOCKER_SERVICES_DOCKERD_PID" 2>/dev/null || true
        if [[ "$DOCKER_SERVICES_BRIDGE_MADE" == true ]]; then
            ip link delete docker0 2>/dev/null || true
        fi
    fi
    if [[ -n "$DOCKER_SERVICES_DIR" ]]; then
        rm -rf "$DOCKER_SERVICES_DIR"
    fi
}
