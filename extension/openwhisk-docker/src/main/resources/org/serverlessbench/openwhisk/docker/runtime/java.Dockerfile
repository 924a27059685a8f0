# The project's java runtime image: Debian bookworm's only JRE (17, where OpenWhisk's java:8 has a JDK 8) and the
# embedded OpenWhisk's Java action runtime with Gson on its class path.
ARG BASE_IMAGE
FROM ${BASE_IMAGE}
ARG JAVA_RUNTIME_CLASS
RUN mkdir -p /usr/share/man/man1 \
    && apt-get update -q \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends openjdk-17-jre-headless \
    && rm -rf /var/lib/apt/lists/*
COPY java-runtime.jar gson.jar /openwhisk/
ENV OW_PROXY_PORT=8080 OW_MEMORY_MB=256 OW_JAVA_RUNTIME_CLASS=${JAVA_RUNTIME_CLASS}
LABEL org.serverlessbench.openwhisk.port-variable=OW_PROXY_PORT org.serverlessbench.openwhisk.announces-port=true
CMD ["/bin/sh", "-c", "mkdir -p /tmp/action && exec java -Xmx${OW_MEMORY_MB}m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto -XX:-UsePerfData --add-opens java.base/java.util=ALL-UNNAMED --add-opens java.base/java.lang=ALL-UNNAMED -Dsun.net.httpserver.idleInterval=86400 -Dsun.net.httpserver.nodelay=true -Djava.io.tmpdir=/tmp/action -Dfile.encoding=UTF-8 -cp /openwhisk/java-runtime.jar:/openwhisk/gson.jar $OW_JAVA_RUNTIME_CLASS $OW_PROXY_PORT"]
