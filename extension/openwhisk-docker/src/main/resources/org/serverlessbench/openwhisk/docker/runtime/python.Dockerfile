# The project's python runtime image: Debian's python3 and the embedded OpenWhisk's Python proxy.
ARG BASE_IMAGE
FROM ${BASE_IMAGE}
RUN apt-get update -q \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends python3 \
    && rm -rf /var/lib/apt/lists/*
COPY python-proxy.py /openwhisk/python-proxy.py
ENV OW_PROXY_PORT=8080 OW_MEMORY_MB=256 OPENBLAS_NUM_THREADS=1
LABEL org.serverlessbench.openwhisk.port-variable=OW_PROXY_PORT org.serverlessbench.openwhisk.announces-port=true
CMD ["/bin/sh", "-c", "mkdir -p /tmp/action && exec python3 /openwhisk/python-proxy.py $OW_PROXY_PORT /tmp/action $OW_MEMORY_MB"]
