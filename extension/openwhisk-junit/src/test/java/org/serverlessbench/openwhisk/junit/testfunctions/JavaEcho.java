package org.serverlessbench.openwhisk.junit.testfunctions;

import com.google.gson.JsonObject;
import org.serverlessbench.openwhisk.junit.testfunctions.support.Greeting;

/** A Java action for the extension's tests: answers with its parameters and a value from a helper class. */
public final class JavaEcho {

    private JavaEcho() {
    }

    public static JsonObject main(JsonObject args) {
        JsonObject answer = new JsonObject();
        answer.add("echo", args);
        answer.addProperty("helper", Greeting.text());
        return answer;
    }
}
