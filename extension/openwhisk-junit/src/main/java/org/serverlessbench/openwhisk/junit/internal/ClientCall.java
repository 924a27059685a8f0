package org.serverlessbench.openwhisk.junit.internal;

import java.time.Instant;
import org.serverlessbench.openwhisk.junit.TriggerType;

/**
 * What the client knew of one invocation as soon as its request returned.
 *
 * @param activationId null when the platform refused the request before starting an activation
 * @param result       the result as the client got it; null to take it from the activation record
 * @param httpStatus   the HTTP status of the answer
 * @param image        the action's Docker image, or null for a code action
 * @param benchmark    the SeBS benchmark the function implements, or null
 * @param language     the function's language, or null when the kind does not say
 */
record ClientCall(String function, String action, TriggerType trigger, Instant begin, long timeUs,
        String activationId, Object result, int httpStatus, String image, String benchmark,
        String language) {

    ClientCall(String function, String action, TriggerType trigger, Instant begin, long timeUs, String activationId,
            Object result, int httpStatus, String image) {
        this(function, action, trigger, begin, timeUs, activationId, result, httpStatus, image, null, null);
    }
}
