package org.serverlessbench.openwhisk.embedded.runtime;

import java.nio.file.Path;

/**
 * What a runtime process needs to know when it starts. It is given no port: it binds an ephemeral port on 127.0.0.1
 * itself and announces it ({@link #ANNOUNCED_PORT}, {@link RuntimeHttp#PORT_ANNOUNCEMENT}).
 *
 * @param memoryMb  the action's memory limit in MB
 * @param directory a private directory for the action's code and temporary files, deleted with the container
 * @param cgroupLimited whether a cgroup holds the whole process to {@code memoryMb}, so that a runtime with a heap
 *                      limit of its own must leave room in it for its native memory
 */
record LaunchSpec(int memoryMb, Path directory, boolean cgroupLimited) {
    /** The port argument of every runtime: bind any free loopback port and announce it on stdout. */
    static final String ANNOUNCED_PORT = "0";
}
