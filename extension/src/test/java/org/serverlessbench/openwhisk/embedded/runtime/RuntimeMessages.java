package org.serverlessbench.openwhisk.embedded.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Builds /init and /run bodies as the invoker sends them, and reads answers. */
final class RuntimeMessages {

    static final ObjectMapper JSON = new ObjectMapper();

    private RuntimeMessages() {
    }

    static String init(String code, String main, boolean binary, Map<String, String> env) {
        ObjectNode value = JSON.createObjectNode()
                .put("name", "test-action").put("main", main).put("binary", binary).put("code", code);
        value.set("env", JSON.valueToTree(env));
        ObjectNode body = JSON.createObjectNode();
        body.set("value", value);
        return body.toString();
    }

    static String init(String code, String main) {
        return init(code, main, false, Map.of());
    }

    static String run(Object value) {
        ObjectNode body = JSON.createObjectNode();
        body.set("value", JSON.valueToTree(value));
        body.put("namespace", "guest").put("action_name", "/guest/test-action").put("action_version", "0.0.1")
                .put("activation_id", "0123456789abcdef0123456789abcdef")
                .put("transaction_id", "tid-1").put("deadline", "1900000000000");
        return body.toString();
    }

    static JsonNode json(RuntimeResponse response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("Not JSON: " + response, e);
        }
    }

    /** A base64 zip of the given files (name to content). */
    static String zip(Map<String, String> files) {
        return Base64.getEncoder().encodeToString(zipBytes(files, Map.of()));
    }

    static byte[] zipBytes(Map<String, String> textFiles, Map<String, byte[]> binaryFiles) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            Map<String, byte[]> all = new LinkedHashMap<>(binaryFiles);
            textFiles.forEach((name, text) -> all.put(name, text.getBytes(StandardCharsets.UTF_8)));
            for (Map.Entry<String, byte[]> file : all.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
