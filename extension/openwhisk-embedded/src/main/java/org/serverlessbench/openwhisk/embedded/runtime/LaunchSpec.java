package org.serverlessbench.openwhisk.embedded.runtime;

import java.nio.file.Path;

/**
 * What a runtime process needs to know when it starts.
 *
 * @param port      the loopback port it must serve {@code /init} and {@code /run} on
 * @param memoryMb  the action's memory limit in MB
 * @param directory a private directory for the action's code and temporary files, deleted with the container
 * @param cgroupLimited whether a cgroup holds the whole process to {@code memoryMb}, so that a runtime with a heap
 *                      limit of its own must leave room in it for its native memory
 */
record LaunchSpec(int port, int memoryMb, Path directory, boolean cgroupLimited) {
}
