package org.serverlessbench.openwhisk.embedded.invoker;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One activation to run.
 *
 * @param activationId    32 lower-case hex characters, chosen by the controller
 * @param action          the revision to run
 * @param payload         the invoke body merged over the action's parameters (an object; or an array)
 * @param subject         the caller's subject, for the record
 * @param apiKey          {@code uuid:key} to pass to the action, or {@code null} when {@code provide-api-key} is false
 * @param transactionId   for {@code __OW_TRANSACTION_ID}
 * @param receivedAtMillis epoch ms when the controller received the request; {@code waitTime} counts from here
 * @param receivedAtNanos {@link System#nanoTime()} at the same moment, for precise waitTime
 * @param cause           the activation id of the enclosing sequence, or {@code null}: the record then gets
 *                        {@code cause} and the {@code causedBy: sequence} annotation
 */
public record ActivationRequest(
        String activationId,
        ActionRevision action,
        JsonNode payload,
        String subject,
        String apiKey,
        String transactionId,
        long receivedAtMillis,
        long receivedAtNanos,
        String cause) {

    /** An activation that no sequence caused. */
    public ActivationRequest(String activationId, ActionRevision action, JsonNode payload, String subject,
            String apiKey, String transactionId, long receivedAtMillis, long receivedAtNanos) {
        this(activationId, action, payload, subject, apiKey, transactionId, receivedAtMillis, receivedAtNanos, null);
    }
}
