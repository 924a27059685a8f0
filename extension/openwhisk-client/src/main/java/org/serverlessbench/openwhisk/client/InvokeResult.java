package org.serverlessbench.openwhisk.client;

/**
 * What an invoke answered.
 *
 * @param httpStatus   200 success, 202 accepted (not finished yet), 502 action failed, 500 platform failed
 * @param activationId from the record, the 202 body or the {@code x-openwhisk-activation-id} header
 * @param activation   the record; null on 202, with {@code result=true}, and when the result was a bare array
 * @param result       the action's result: the body with {@code result=true} or for an array result, otherwise
 *                     the record's {@code response.result}; null on 202
 */
public record InvokeResult(int httpStatus, String activationId, Activation activation, Object result) {

    /** False when the server answered 202: the activation is still running, see awaitActivation. */
    public boolean completed() {
        return httpStatus != 202;
    }

    /** True when the action finished successfully (HTTP 200). */
    public boolean success() {
        return httpStatus == 200;
    }
}
