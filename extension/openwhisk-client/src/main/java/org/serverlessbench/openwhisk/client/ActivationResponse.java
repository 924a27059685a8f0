package org.serverlessbench.openwhisk.client;

/**
 * The outcome of an activation.
 *
 * @param status  {@code success}, {@code application error}, {@code action developer error} or
 *                {@code whisk internal error}
 * @param success true only for {@code success}
 * @param result  the action's result as plain Java (Map, List, ...); on failure it carries an {@code error} field
 */
public record ActivationResponse(String status, boolean success, Object result) {

    public static final String SUCCESS = "success";
    public static final String APPLICATION_ERROR = "application error";
    public static final String DEVELOPER_ERROR = "action developer error";
    public static final String INTERNAL_ERROR = "whisk internal error";
}
