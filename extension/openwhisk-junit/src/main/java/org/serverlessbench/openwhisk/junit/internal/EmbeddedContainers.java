package org.serverlessbench.openwhisk.junit.internal;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.serverlessbench.openwhisk.docker.DockerConfigurationKeys;
import org.serverlessbench.openwhisk.docker.DockerContainerFactory;
import org.serverlessbench.openwhisk.docker.RegistryCredentials;
import org.serverlessbench.openwhisk.embedded.runtime.ContainerFactory;
import org.serverlessbench.openwhisk.embedded.runtime.ProcessContainerFactory;
import org.serverlessbench.openwhisk.junit.ConfigurationKeys;

/**
 * The container factory of the embedded OpenWhisk: local processes for code actions and Docker containers for image
 * actions; with {@code openwhisk.embedded.containers=docker} every kind runs in the project's runtime images.
 */
final class EmbeddedContainers {

    private EmbeddedContainers() {
    }

    static ContainerFactory factory(Function<String, Optional<String>> parameters) {
        String mode = parameters.apply(DockerConfigurationKeys.EMBEDDED_CONTAINERS).map(String::strip)
                .filter(value -> !value.isEmpty()).orElse("process").toLowerCase(Locale.ROOT);
        if (!mode.equals("process") && !mode.equals("docker")) {
            throw new ExtensionConfigurationException("Configuration parameter "
                    + DockerConfigurationKeys.EMBEDDED_CONTAINERS + " is \"" + mode
                    + "\", but must be one of: process, docker (default process)");
        }
        return DockerContainerFactory.newBuilder()
                .processes(new ProcessContainerFactory(null, runtimeNiceness(parameters)))
                .allKinds(mode.equals("docker"))
                .registry(RegistryCredentials.resolve(parameters, System.getenv()))
                .build();
    }

    /** {@code openwhisk.embedded.runtimeNiceness}, 0 when not set. */
    static int runtimeNiceness(Function<String, Optional<String>> parameters) {
        Optional<String> text = parameters.apply(ConfigurationKeys.EMBEDDED_RUNTIME_NICENESS).map(String::strip)
                .filter(value -> !value.isEmpty());
        if (text.isEmpty()) {
            return 0;
        }
        try {
            int niceness = Integer.parseInt(text.get());
            if (niceness >= 0 && niceness <= ProcessContainerFactory.MAX_RUNTIME_NICENESS) {
                return niceness;
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        throw new ExtensionConfigurationException("Configuration parameter "
                + ConfigurationKeys.EMBEDDED_RUNTIME_NICENESS + " is \"" + text.get() + "\", but must be a whole"
                + " number from 0 (the JVM's CPU priority, the default) to "
                + ProcessContainerFactory.MAX_RUNTIME_NICENESS + " (the lowest)");
    }
}
