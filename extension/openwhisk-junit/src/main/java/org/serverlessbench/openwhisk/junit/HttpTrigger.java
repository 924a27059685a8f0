package org.serverlessbench.openwhisk.junit;

/**
 * Invokes the web action URL ({@code .json}), as an HTTP client of the function would. The activation record is
 * fetched afterwards by the activation id in the background; the provider times of an {@link Invocation} wait for it
 * when asked, and are always filled in before the test's results are reported.
 */
public interface HttpTrigger extends Trigger {
}
