package org.serverlessbench.openwhisk.client;

import okhttp3.Headers;
import okhttp3.HttpUrl;

/**
 * A complete HTTP answer, body already read.
 *
 * @param attempts how many times the request was sent (more than one after 429 or 503)
 */
record HttpAnswer(String method, HttpUrl url, int status, Headers headers, byte[] body, int attempts) {

    static final String ACTIVATION_ID_HEADER = "x-openwhisk-activation-id";

    boolean successful() {
        return status >= 200 && status < 300;
    }

    String activationIdHeader() {
        return headers.get(ACTIVATION_ID_HEADER);
    }
}
