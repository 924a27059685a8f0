package org.serverlessbench.openwhisk.junit;

/**
 * Invokes through the REST API with a blocking request; the activation record comes back inline, so no extra request
 * is needed for the provider times.
 */
public interface LibraryTrigger extends Trigger {
}
