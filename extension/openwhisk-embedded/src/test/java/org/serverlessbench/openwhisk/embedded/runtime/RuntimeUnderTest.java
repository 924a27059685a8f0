package org.serverlessbench.openwhisk.embedded.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One runtime kind behind a {@link ProcessContainerFactory} that lives as long as the test class: register it as a
 * static {@code @RegisterExtension} field.
 */
final class RuntimeUnderTest implements BeforeAllCallback, AfterAllCallback {

    static final String API_HOST = "http://127.0.0.1:3233";

    private final String kind;
    private final Duration timeout;
    private ProcessContainerFactory factory;

    RuntimeUnderTest(String kind, Duration timeout) {
        this.kind = kind;
        this.timeout = timeout;
    }

    String kind() {
        return kind;
    }

    Duration timeout() {
        return timeout;
    }

    ProcessContainerFactory factory() {
        return factory;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        factory = new ProcessContainerFactory();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        factory.close();
    }

    ActionContainer container(int memoryMb) throws ContainerStartException {
        return factory.create(kind, memoryMb, Map.of("__OW_API_HOST", API_HOST));
    }

    /** A 256 MB container that accepted {@code initBody}; the caller closes it. */
    ActionContainer initialized(String initBody) throws Exception {
        ActionContainer container = container(256);
        RuntimeResponse response = container.init(initBody, timeout);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return container;
    }
}
