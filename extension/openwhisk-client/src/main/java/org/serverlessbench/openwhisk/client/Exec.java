package org.serverlessbench.openwhisk.client;

/**
 * The {@code exec} part of an action: what runs it and with which code.
 *
 * @param kind   runtime kind such as {@code nodejs:20}, {@code python:3.11}, {@code java:8} or {@code blackbox}
 * @param code   source text, or base64 of a zip or jar; null when left out (for example {@code code=false})
 * @param binary whether the server judged the code to be base64; the server computes it and ignores what is sent
 * @param main   entry point; required for {@code java:8}
 * @param image  container image of a {@code blackbox} action
 */
public record Exec(String kind, String code, Boolean binary, String main, String image) {

    /** Plain source code run by {@code kind}, entry point {@code main} by default. */
    public static Exec code(String kind, String code) {
        return new Exec(kind, code, null, null, null);
    }

    /** Source text or base64 archive with an explicit entry point (for Java: the fully qualified class). */
    public static Exec code(String kind, String code, String main) {
        return new Exec(kind, code, null, main, null);
    }

    /** A docker action: {@code kind=blackbox} with the given image. */
    public static Exec blackbox(String image) {
        return new Exec("blackbox", null, null, null, image);
    }
}
