package org.serverlessbench.openwhisk.storage.internal;

import java.security.SecureRandom;
import java.util.HexFormat;

/** An access key and secret key pair. */
record Credentials(String accessKey, String secretKey) {

    /** A pair made for one run, so that nothing else on the machine can use the embedded services. */
    static Credentials random() {
        SecureRandom random = new SecureRandom();
        return new Credentials("owj" + hex(random, 8), hex(random, 20));
    }

    private static String hex(SecureRandom random, int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return HexFormat.of().formatHex(value);
    }

    @Override
    public String toString() {
        return "Credentials[accessKey=" + accessKey + ", secretKey=<redacted>]";
    }
}
