package org.serverlessbench.openwhisk.embedded.controller;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders a web action's result through its extension: {@code .json}, {@code .html}, {@code .svg}, {@code .text},
 * {@code .http}.
 */
final class WebResultRenderer {
    static final Set<String> EXTENSIONS = Set.of("http", "json", "html", "svg", "text");
    private static final Set<Integer> STATUS_CODES = Set.of(100, 101, 102, 103, 200, 201, 202, 203, 204, 205, 206,
            207, 208, 226, 300, 301, 302, 303, 304, 305, 307, 308, 400, 401, 402, 403, 404, 405, 406, 407, 408, 409,
            410, 411, 412, 413, 414, 415, 416, 417, 418, 420, 421, 422, 423, 424, 425, 426, 428, 429, 431, 449, 450,
            451, 500, 501, 502, 503, 504, 505, 506, 507, 508, 509, 510, 511, 598, 599);

    private final String transactionId;

    WebResultRenderer(String transactionId) {
        this.transactionId = transactionId;
    }

    Reply render(String extension, JsonNode result) {
        return switch (extension) {
            case "json" -> result.isObject() || result.isArray() ? Reply.json(200, result)
                    : error(Messages.invalidMedia("application/json"));
            case "html" -> text(field(result, "html"), "text/html; charset=UTF-8", "text/html");
            case "svg" -> text(field(result, "svg"), "image/svg+xml", "image/svg+xml");
            case "text" -> plainText(result);
            default -> http(result);
        };
    }

    private static JsonNode field(JsonNode result, String alternative) {
        if (!result.isObject()) {
            return result;
        }
        return result.has("body") ? result.get("body") : result.get(alternative);
    }

    private Reply text(JsonNode value, String contentType, String mediaType) {
        if (value != null && value.isTextual()) {
            return Reply.text(200, contentType, value.textValue());
        }
        return error(Messages.invalidMedia(mediaType));
    }

    private Reply plainText(JsonNode result) {
        JsonNode value = result.isObject() ? (result.has("body") ? result.get("body") : result.get("text")) : result;
        if (value == null) {
            return Reply.error(404, Messages.PROPERTY_NOT_FOUND, transactionId);
        }
        String text = value.isContainerNode() ? Json.pretty(value) : value.isTextual() ? value.textValue()
                : value.isNull() ? "null" : value.asText();
        return Reply.text(200, "text/plain; charset=UTF-8", text);
    }

    private Reply http(JsonNode result) {
        if (!result.isObject()) {
            return error(Messages.invalidMedia("message/http"));
        }
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        JsonNode headersNode = result.get("headers");
        if (headersNode != null) {
            if (!headersNode.isObject()) {
                return error(Messages.invalidMedia("message/http"));
            }
            for (Map.Entry<String, JsonNode> header : headersNode.properties()) {
                if (!addHeader(headers, header.getKey(), header.getValue())) {
                    return error(Messages.invalidMedia("message/http"));
                }
            }
        }
        Integer code = null;
        JsonNode codeNode = result.get("statusCode");
        if (codeNode != null) {
            code = statusCode(codeNode);
            if (code == null) {
                return error(Messages.invalidMedia("message/http"));
            }
        }
        JsonNode body = result.get("body");
        String contentType = null;
        List<Map.Entry<String, String>> others = new ArrayList<>();
        for (Map.Entry<String, String> header : headers) {
            if (header.getKey().equalsIgnoreCase("content-type")) {
                contentType = contentType == null ? header.getValue() : contentType;
            } else {
                others.add(header);
            }
        }
        if (body == null || body.isNull() || (body.isTextual() && body.textValue().isEmpty())) {
            return Reply.empty(code != null ? code : 204).withHeaders(others);
        }
        int status = code != null ? code : 200;
        if (body.isTextual()) {
            return stringBody(status, contentType, body.textValue()).withHeaders(others);
        }
        return jsonBody(status, contentType, body).withHeaders(others);
    }

    private static boolean addHeader(List<Map.Entry<String, String>> headers, String name, JsonNode value) {
        if (value.isTextual() || value.isBoolean()) {
            headers.add(Map.entry(name, value.asText()));
            return true;
        }
        if (value.isNumber()) {
            headers.add(Map.entry(name, value.isIntegralNumber() ? value.bigIntegerValue().toString()
                    : value.decimalValue().toPlainString()));
            return true;
        }
        if (value.isArray()) {
            for (JsonNode element : value) {
                if (!addHeader(headers, name, element)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    private static Integer statusCode(JsonNode node) {
        int code;
        if (node.isNumber()) {
            if (!node.canConvertToExactIntegral() || !node.canConvertToInt()) {
                return null;
            }
            code = node.intValue();
        } else if (node.isTextual()) {
            try {
                code = Integer.parseInt(node.textValue());
            } catch (NumberFormatException e) {
                return null;
            }
        } else {
            return null;
        }
        return STATUS_CODES.contains(code) ? code : null;
    }

    private Reply stringBody(int status, String contentType, String body) {
        String declared = contentType == null ? "text/html" : contentType;
        String mediaType = MediaTypes.mediaType(declared);
        if (mediaType == null) {
            return error(Messages.HTTP_UNKNOWN_CONTENT_TYPE);
        }
        if (MediaTypes.isBinary(mediaType) || (MediaTypes.isJsonFamily(mediaType) && ActionPut.isBinaryCode(body))) {
            try {
                return new Reply(status, declared, Base64.getDecoder().decode(body), List.of());
            } catch (IllegalArgumentException e) {
                return error(Messages.HTTP_CONTENT_TYPE_ERROR);
            }
        }
        String withCharset = MediaTypes.isJsonFamily(mediaType) || MediaTypes.hasCharset(declared) ? declared
                : declared + "; charset=UTF-8";
        return new Reply(status, withCharset, body.getBytes(StandardCharsets.UTF_8), List.of());
    }

    private Reply jsonBody(int status, String contentType, JsonNode body) {
        if (contentType == null) {
            return Reply.json(status, body);
        }
        String mediaType = MediaTypes.mediaType(contentType);
        if (mediaType == null) {
            return error(Messages.HTTP_UNKNOWN_CONTENT_TYPE);
        }
        if (mediaType.equals("application/json")) {
            return Reply.json(status, body);
        }
        if (MediaTypes.isJsonFamily(mediaType)) {
            return Reply.text(status, mediaType, Json.pretty(body));
        }
        return error(Messages.HTTP_CONTENT_TYPE_ERROR);
    }

    private Reply error(String message) {
        return Reply.error(400, message, transactionId);
    }
}
