package org.serverlessbench.openwhisk.embedded.controller;

import com.sun.net.httpserver.Headers;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

/** One request as the controller sees it, whichever server read it; answered exactly once, from any thread. */
interface Exchange {
    String method();

    /** The path as sent, still percent-encoded. */
    String rawPath();

    /** The query as sent, or {@code null} when there is none. */
    String rawQuery();

    /** The first value of header {@code name} (any case), or {@code null}. */
    String header(String name);

    Headers headers();

    InputStream body();

    /**
     * Sends the answer and frees the connection for its next request.
     *
     * @param contentType {@code null} for none
     * @param body        {@code null} for an answer without a body
     */
    void respond(int status, String contentType, List<Map.Entry<String, String>> headers, byte[] body);
}
