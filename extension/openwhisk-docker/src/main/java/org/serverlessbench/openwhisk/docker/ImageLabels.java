package org.serverlessbench.openwhisk.docker;

/** The labels this project puts on images and containers. */
final class ImageLabels {

    private static final String PREFIX = "org.serverlessbench.openwhisk.";

    /** The {@link ContentHash} of an image's build; a build whose hash an image already carries is skipped. */
    static final String CONTENT_HASH = PREFIX + "content-hash";
    /**
     * On runtime images: the environment variable the runtime reads its listen port from. Images that carry it
     * (and images built from them) run with host networking on a port on 127.0.0.1.
     */
    static final String PORT_VARIABLE = PREFIX + "port-variable";
    /**
     * On runtime images whose runtime, given port 0, binds a free port itself and announces it on stdout. Images
     * with a port variable but without this label (built before it existed) get a free port chosen for them.
     */
    static final String ANNOUNCES_PORT = PREFIX + "announces-port";
    /** On containers: the run of the factory that started it. */
    static final String RUN = PREFIX + "run";
    /** On containers: pid and start time of the JVM that started it, for the sweep of abandoned containers. */
    static final String OWNER_PID = PREFIX + "owner-pid";
    static final String OWNER_START = PREFIX + "owner-start";

    private ImageLabels() {
    }
}
