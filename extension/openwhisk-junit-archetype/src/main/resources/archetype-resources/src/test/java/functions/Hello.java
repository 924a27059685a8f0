package ${package}.functions;

import com.google.gson.JsonObject;

/**
 * A greeting as a Java action. Java actions are compiled for release 8 (the pom's java8-functions execution) and live
 * in a package of their own: the action's jar is built from the main class's package.
 */
public final class Hello {

    private Hello() {
    }

    public static JsonObject main(JsonObject args) {
        double begin = System.currentTimeMillis() / 1000.0;
        String name = args.has("name") ? args.get("name").getAsString() : "world";
        JsonObject output = new JsonObject();
        output.addProperty("greeting", "Hello, " + name + "!");
        output.addProperty("begin", begin);
        output.addProperty("end", System.currentTimeMillis() / 1000.0);
        return output;
    }
}
