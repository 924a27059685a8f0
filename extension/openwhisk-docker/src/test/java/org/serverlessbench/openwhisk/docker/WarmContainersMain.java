package org.serverlessbench.openwhisk.docker;

import java.time.Duration;
import java.util.Map;
import org.serverlessbench.openwhisk.embedded.runtime.ActionContainer;

/**
 * Starts two warm nodejs containers in Docker, prints their container ids and waits to be killed, so that
 * {@link DockerContainerFactoryTest} can check that the next factory's sweep removes them. Run in a separate JVM.
 */
public final class WarmContainersMain {

    private WarmContainersMain() {
    }

    public static void main(String[] args) throws Exception {
        DockerContainerFactory factory = DockerContainerFactory.newBuilder().allKinds(true).build();
        for (int i = 0; i < 2; i++) {
            ActionContainer container = factory.create(RuntimeImages.NODEJS, 128, Map.of());
            container.init(DockerContainerFactoryTest.NOOP_INIT, Duration.ofSeconds(30));
            container.run("{\"value\":{}}", Duration.ofSeconds(30));
            System.out.println(((DockerActionContainer) container).containerId());
        }
        System.out.println("READY");
        System.out.flush();
        Thread.currentThread().join();
    }
}
