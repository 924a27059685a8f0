package org.serverlessbench.openwhisk.embedded.runtime;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** {@code nodejs:20}: {@code node} from the PATH running the bundled {@code nodejs-proxy.js}. */
final class NodeLauncher implements RuntimeLauncher {

    static final String KIND = "nodejs:20";

    private final Optional<Path> node;
    private final ProxyScripts scripts;

    NodeLauncher(String pathVariable, ProxyScripts scripts) {
        this.node = ExecutableLookup.onPath("node", pathVariable);
        this.scripts = scripts;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Optional<String> unavailableReason() {
        return node.isPresent()
                ? Optional.empty()
                : Optional.of("program 'node' was not found on the PATH; install Node.js 20 to run nodejs actions");
    }

    @Override
    public List<String> command(LaunchSpec spec) {
        return List.of(
                node.orElseThrow().toString(),
                "--max-old-space-size=" + spec.memoryMb(),
                scripts.extract("nodejs-proxy.js").toString(),
                LaunchSpec.ANNOUNCED_PORT,
                spec.directory().toString());
    }
}
