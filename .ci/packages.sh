# Sourced by .ci/run: the Debian packages the tests use beside a JDK, Maven, node and python3, installed when missing.
#   chromium                                   the HTML report's browser test (docs/results.md)
#   python3-pil python3-igraph python3-boto3   libraries of the SeBS suite's Python functions (docs/suite.md)
#   ffmpeg                                     220.video-processing (docs/suite.md)
# The Docker engine, registry and debootstrap come from .ci/docker-services.sh.

install_missing_packages() {
    local wanted=(chromium python3-pil python3-igraph python3-boto3 ffmpeg)
    local missing=()
    local package
    for package in "${wanted[@]}"; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
    done
    if ((${#missing[@]} > 0)); then
        echo "Installing ${missing[*]}"
        apt-get update -q
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
    fi
}
