/**
 * An embedded Apache OpenWhisk. Its API is {@link org.serverlessbench.openwhisk.embedded.EmbeddedOpenWhisk} with its
 * builder (and the standalone server's main class) in {@code org.serverlessbench.openwhisk.embedded}, and the container
 * SPI in {@code org.serverlessbench.openwhisk.embedded.runtime}: {@code ContainerFactory}, {@code ActionContainer}
 * and the types they use, and {@code ProcessContainerFactory}, through which other modules (openwhisk-docker) start
 * action runtimes. The controller, the invoker and the rest of the runtimes are internal and not exported.
 */
// Apache HttpClient 5 ships as automatic modules (a stable Automatic-Module-Name, no module-info).
@SuppressWarnings("requires-automatic")
module org.serverlessbench.openwhisk.embedded {
    requires java.logging;
    requires jdk.httpserver;
    requires com.fasterxml.jackson.databind;
    requires org.apache.httpcomponents.client5.httpclient5;
    requires org.apache.httpcomponents.core5.httpcore5;
    requires org.eclipse.jetty.server;

    exports org.serverlessbench.openwhisk.embedded;
    exports org.serverlessbench.openwhisk.embedded.runtime;
}
