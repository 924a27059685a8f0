package org.serverlessbench.openwhisk.embedded.controller;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The runtime kinds of OpenWhisk's default manifest ({@code ansible/files/runtimes.json}), with the default of each
 * family first, in the manifest's order. Creating an action of any of them works; whether it can run here is the
 * invoker's business.
 */
final class Kinds {
    static final String BLACKBOX = "blackbox";
    static final String SEQUENCE = "sequence";

    /** Family → kinds, default first. */
    private static final Map<String, List<String>> FAMILIES = new LinkedHashMap<>();

    static {
        FAMILIES.put("nodejs", List.of("nodejs:20", "nodejs:18"));
        FAMILIES.put("python", List.of("python:3.10", "python:3.11"));
        FAMILIES.put("swift", List.of("swift:5.3", "swift:5.7"));
        FAMILIES.put("java", List.of("java:8"));
        FAMILIES.put("php", List.of("php:8.1"));
        FAMILIES.put("ruby", List.of("ruby:2.5"));
        FAMILIES.put("go", List.of("go:1.20"));
        FAMILIES.put("dotnet", List.of("dotnet:3.1", "dotnet:6.0"));
        FAMILIES.put("rust", List.of("rust:1.34"));
    }

    private Kinds() {
    }

    static Map<String, List<String>> families() {
        return FAMILIES;
    }

    /**
     * The stored kind for a requested one: lower-cased, {@code <family>:default} and {@code python:3} resolved, or
     * {@code blackbox}/{@code sequence} as they are; {@code null} for an unknown kind.
     */
    static String resolve(String requested) {
        String kind = requested.trim().toLowerCase(java.util.Locale.ROOT);
        if (kind.equals(BLACKBOX) || kind.equals(SEQUENCE)) {
            return kind;
        }
        if (kind.equals("python:3")) {
            return "python:3.11";
        }
        int colon = kind.indexOf(':');
        if (colon > 0 && kind.endsWith(":default")) {
            List<String> family = FAMILIES.get(kind.substring(0, colon));
            return family == null ? null : family.get(0);
        }
        for (List<String> family : FAMILIES.values()) {
            if (family.contains(kind)) {
                return kind;
            }
        }
        return null;
    }

    /** OpenWhisk's {@code requireMain} manifest flag: Java and .NET need an explicit {@code main}. */
    static boolean requiresMain(String kind) {
        return kind.startsWith("java:") || kind.startsWith("dotnet:");
    }

    static String unknownKindMessage(String kind) {
        StringBuilder all = new StringBuilder();
        FAMILIES.values().forEach(f -> f.forEach(k -> all.append(all.length() == 0 ? "" : ", ").append(k)));
        return "kind '" + kind + "' not in Set(" + all + ", " + SEQUENCE + ", " + BLACKBOX + ")";
    }
}
