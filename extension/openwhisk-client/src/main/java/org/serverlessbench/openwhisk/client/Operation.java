package org.serverlessbench.openwhisk.client;

/**
 * What a request is for, to name it in errors and logs.
 *
 * @param name   for example {@code invoke action} or {@code get activation}
 * @param entity the action name, package name or activation id; null for collection requests
 */
record Operation(String name, String entity) {

    String describe() {
        return entity == null ? name : name + " '" + entity + "'";
    }
}
