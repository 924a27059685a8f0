package org.serverlessbench.openwhisk.embedded.runtime;

import java.time.Duration;
import java.util.List;

/**
 * One running action runtime (a local process) that speaks the action runtime protocol: {@code POST /init} once,
 * then {@code POST /run} once per activation, one at a time.
 */
public interface ActionContainer extends AutoCloseable {

    /** A short id for log lines and error messages, such as {@code "nodejs-3"}. */
    String id();

    /** The runtime kind this container was started for, such as {@code nodejs:20}. */
    String kind();

    /** Memory this container is charged with, in MB. */
    int memoryMb();

    /**
     * Sends {@code POST /init} with the given JSON body ({@code {"value":{...}}}).
     *
     * @throws ContainerTimeoutException when no answer came within {@code timeout}; the process has then been killed
     * @throws ContainerCrashedException when the process exited or closed the connection before answering
     */
    RuntimeResponse init(String body, Duration timeout) throws ContainerTimeoutException, ContainerCrashedException;

    /** Sends {@code POST /run}; same failure contract as {@link #init}. */
    RuntimeResponse run(String body, Duration timeout) throws ContainerTimeoutException, ContainerCrashedException;

    /**
     * The log lines written since the previous call, up to and without the end-of-activation sentinel on both stdout
     * and stderr; waits at most {@code timeout} for the sentinels, then returns what there is.
     */
    List<LogLine> drainLogs(Duration timeout);

    /**
     * Whether the kernel killed a process of this container because the container used more memory than its limit;
     * false where the limit is not enforced for the whole process tree (no cgroup).
     */
    boolean memoryExhausted();

    /** Whether the process is still running. */
    boolean isAlive();

    /** Kills the process (and its children) and releases its port. Idempotent. */
    @Override
    void close();
}
