package org.serverlessbench.openwhisk.embedded.runtime;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Tests of whole-process-tree memory limits need per-container cgroups: they skip where the factory has none, saying
 * how to get them, except under {@code CI=true}, where the missing cgroups fail the test.
 */
public final class CgroupRequirement {

    private static final String HOW = "per-container cgroups are not available here: run the tests as root with"
            + " /sys/fs/cgroup/memory (cgroup v1) or a delegated cgroup v2 subtree with the memory controller"
            + " writable";

    private CgroupRequirement() {
    }

    public static void assumeCgroups(ProcessContainerFactory factory) {
        if (!factory.limitsWholeProcessTrees()) {
            if ("true".equals(System.getenv("CI"))) {
                fail(HOW + " (CI=true, so this fails instead of being skipped)");
            }
            assumeTrue(false, HOW);
        }
    }
}
