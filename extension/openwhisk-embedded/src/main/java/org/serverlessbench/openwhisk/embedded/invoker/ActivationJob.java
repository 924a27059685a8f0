package org.serverlessbench.openwhisk.embedded.invoker;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.CompletableFuture;

/** An accepted activation and the future its record completes. */
record ActivationJob(ActivationRequest request, CompletableFuture<ObjectNode> record) {
}
