package org.serverlessbench.openwhisk.client;

/** No HTTP answer: the connection was refused or reset, TLS failed, or the read timed out. Status code 0. */
public class OpenWhiskConnectionException extends OpenWhiskException {

    public OpenWhiskConnectionException(String message, String operation, String entity, Throwable cause) {
        super(message, 0, null, null, operation, entity, cause);
    }
}
