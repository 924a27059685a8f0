package org.serverlessbench.openwhisk.junit.java17;

import com.google.gson.JsonObject;

/** Compiled with the tests' release 17, so it cannot run on java:8: a fixture for the class-file version check. */
public final class Java17Echo {

    private Java17Echo() {
    }

    public static JsonObject main(JsonObject args) {
        return args;
    }
}
