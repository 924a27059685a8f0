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
import java.util.zip.GZIPOutputStream;
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

    /** A base64 gzipped ustar archive of the given text files. */
    static String tarGz(Map<String, String> files) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            for (Map.Entry<String, String> file : files.entrySet()) {
                byte[] content = file.getValue().getBytes(StandardCharsets.UTF_8);
                byte[] header = new byte[512];
                put(header, 0, file.getKey());
                put(header, 100, "0000644");
                put(header, 108, "0000000");
                put(header, 116, "0000000");
                put(header, 124, String.format("%011o", content.length));
                put(header, 136, "00000000000");
                java.util.Arrays.fill(header, 148, 156, (byte) ' ');
                header[156] = '0';
                put(header, 257, "ustar");
                put(header, 263, "00");
                int checksum = 0;
                for (byte b : header) {
                    checksum += b & 0xff;
                }
                put(header, 148, String.format("%06o", checksum));
                header[154] = 0;
                gzip.write(header);
                gzip.write(content);
                gzip.write(new byte[(512 - content.length % 512) % 512]);
            }
            gzip.write(new byte[1024]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }

    private static void put(byte[] header, int offset, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(bytes, 0, header, offset, bytes.length);
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
