# The project's nodejs runtime image: Debian's nodejs and the embedded OpenWhisk's Node.js proxy.
ARG BASE_IMAGE
FROM ${BASE_IMAGE}
RUN apt-get update -q \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends nodejs \
    && rm -rf /var/lib/apt/lists/*
COPY nodejs-proxy.js /openwhisk/nodejs-proxy.js
ENV OW_PROXY_PORT=8080 OW_MEMORY_MB=256
LABEL org.serverlessbench.openwhisk.port-variable=OW_PROXY_PORT org.serverlessbench.openwhisk.announces-port=true
CMD ["/bin/sh", "-c", "mkdir -p /tmp/action && exec node --max-old-space-size=$OW_MEMORY_MB /openwhisk/nodejs-proxy.js $OW_PROXY_PORT /tmp/action"]
