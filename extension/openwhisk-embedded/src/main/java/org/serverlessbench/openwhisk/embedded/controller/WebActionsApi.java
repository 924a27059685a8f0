package org.serverlessbench.openwhisk.embedded.controller;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code /api/v1/web/{namespace}/{package|default}/{action}[.ext][/path]}: any method, no authentication unless the
 * action asks for it, the request mapped into {@code __ow_*} parameters and the result rendered by extension (§3).
 */
final class WebActionsApi {
    static final String CORS_METHODS = "OPTIONS, GET, DELETE, POST, PUT, HEAD, PATCH";
    static final String CORS_HEADERS = "Authorization, Origin, X-Requested-With, Content-Type, Accept, User-Agent";
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");
    private static final Set<String> RESERVED = Set.of("__ow_method", "__ow_headers", "__ow_path", "__ow_user",
            "__ow_query", "__ow_body");
    private static final Set<String> ENTITY_HEADERS = Set.of("content-length", "transfer-encoding");

    private final EntityStore store;
    private final Invocations invocations;
    private final ControllerConfig config;
    private final BasicAuth auth;

    WebActionsApi(EntityStore store, Invocations invocations, ControllerConfig config, BasicAuth auth) {
        this.store = store;
        this.invocations = invocations;
        this.config = config;
        this.auth = auth;
    }

    /** {@code rest}: the segments after {@code web}. */
    Answer handle(Request request, List<String> rest, long receivedAtMillis, long receivedAtNanos) {
        if (!METHODS.contains(request.method())) {
            throw ApiException.methodNotAllowed(String.join(", ", METHODS));
        }
        if (rest.size() < 3 || !rest.get(0).equals(config.namespace())) {
            throw ApiException.notFound();
        }
        String pkg = rest.get(1).equals("default") ? null : rest.get(1);
        String segment = rest.get(2);
        String extension = "http";
        String name = segment;
        for (String candidate : WebResultRenderer.EXTENSIONS) {
            if (segment.endsWith("." + candidate) && segment.length() > candidate.length() + 1) {
                extension = candidate;
                name = segment.substring(0, segment.length() - candidate.length() - 1);
                break;
            }
        }
        String path = rest.size() > 3 ? "/" + String.join("/", rest.subList(3, rest.size())) : "";
        byte[] body = request.body(ControllerConfig.MAX_PAYLOAD_BYTES);

        StoredAction action = store.action(pkg, name);
        if (action == null || (pkg != null && store.pkg(pkg) == null)
                || !Json.isTrue(Json.keyValue(action.revision().annotations(), "web-export"))) {
            throw ApiException.notFound();
        }
        boolean customOptions = Json.isTrue(Json.keyValue(action.revision().annotations(), "web-custom-options"));
        Answer answer = customOptions
                ? process(request, action, extension, path, body, request.method().equals("OPTIONS"),
                        receivedAtMillis, receivedAtNanos)
                : request.method().equals("OPTIONS") ? Reply.empty(200)
                : process(request, action, extension, path, body, false, receivedAtMillis, receivedAtNanos);
        return customOptions ? answer : answer.withHeaders(cors(request));
    }

    private static List<Map.Entry<String, String>> cors(Request request) {
        String requested = request.header("Access-Control-Request-Headers");
        return List.of(Map.entry("Access-Control-Allow-Origin", "*"),
                Map.entry("Access-Control-Allow-Methods", CORS_METHODS),
                Map.entry("Access-Control-Allow-Headers", requested != null ? requested : CORS_HEADERS));
    }

    private Answer process(Request request, StoredAction action, String extension, String path, byte[] body,
            boolean skipAuthCheck, long receivedAtMillis, long receivedAtNanos) {
        boolean authenticated = auth.accepts(request.header("Authorization"));
        if (!skipAuthCheck && !authorized(action, request, authenticated)) {
            return Reply.error(401, Messages.UNAUTHORIZED, request.transactionId());
        }
        boolean raw = Json.isTrue(Json.keyValue(action.revision().annotations(), "raw-http"));
        JsonNode bodyValue = bodyValue(request, body, raw);

        ObjectNode content = Json.object();
        content.put("__ow_method", request.method().toLowerCase(Locale.ROOT));
        content.set("__ow_headers", headers(request));
        content.put("__ow_path", path);
        if (authenticated) {
            content.put("__ow_user", config.namespace());
        }
        if (raw) {
            content.put("__ow_query", request.rawQuery());
        } else {
            request.query().forEach(content::put);
        }
        if (bodyValue != null && bodyValue.isObject() && !raw) {
            content.setAll((ObjectNode) bodyValue);
        } else if (bodyValue != null) {
            content.set("__ow_body", bodyValue);
        } else if (raw) {
            content.put("__ow_body", "");
        }

        ObjectNode payload = invocations.boundParameters(action);
        if (!raw) {
            Set<String> fixed = invocations.finalParameters(action, payload);
            if (overrides(request.query().keySet(), bodyValue, fixed)) {
                return Reply.error(400, Messages.PARAMETERS_NOT_ALLOWED, request.transactionId());
            }
        }
        payload.setAll(content);

        Invocations.Started started = invocations.start(action, payload, request.transactionId(), receivedAtMillis,
                receivedAtNanos, request.callerRuns());
        String activationId = started.activationId();
        String transactionId = request.transactionId();
        return new PendingReply(started, config.maxBlockingWait(),
                record -> render(record, extension, transactionId)
                        .withHeader("x-openwhisk-activation-id", activationId),
                () -> Reply.error(202, Messages.RESPONSE_NOT_READY, transactionId)
                        .withHeader("x-openwhisk-activation-id", activationId));
    }

    private static Reply render(ObjectNode record, String extension, String transactionId) {
        JsonNode response = record.path("response");
        String status = response.path("status").asText();
        JsonNode result = response.hasNonNull("result") ? response.get("result") : Json.object();
        if (status.equals("success")) {
            return new WebResultRenderer(transactionId).render(extension, result);
        }
        if (status.equals("application error")) {
            JsonNode error = result.get("error");
            if (error == null) {
                return Reply.error(404, Messages.PROPERTY_NOT_FOUND, transactionId);
            }
            return new WebResultRenderer(transactionId).render(extension, error);
        }
        return Reply.error(400, Messages.ERROR_PROCESSING_REQUEST, transactionId);
    }

    /** OpenWhisk's {@code require-whisk-auth}: {@code true} needs valid credentials, a string or number the header. */
    private static boolean authorized(StoredAction action, Request request, boolean authenticated) {
        JsonNode required = Json.keyValue(action.revision().annotations(), "require-whisk-auth");
        if (required == null) {
            return true;
        }
        if (required.isTextual() || required.isNumber()) {
            String expected = required.isTextual() ? required.textValue()
                    : required.isIntegralNumber() ? required.bigIntegerValue().toString()
                    : required.decimalValue().toPlainString();
            return expected.equals(request.header("X-Require-Whisk-Auth"));
        }
        return required.isBoolean() && required.booleanValue() && authenticated;
    }

    private static boolean overrides(Set<String> queryKeys, JsonNode bodyValue, Set<String> fixed) {
        for (String key : queryKeys) {
            if (RESERVED.contains(key) || fixed.contains(key)) {
                return true;
            }
        }
        if (bodyValue != null && bodyValue.isObject()) {
            for (Iterator<String> it = bodyValue.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                if (RESERVED.contains(key) || fixed.contains(key)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The request headers as {@code __ow_headers} gives them: lower-case names, the last value of each. */
    static ObjectNode headers(Request request) {
        ObjectNode headers = Json.object();
        for (Map.Entry<String, List<String>> header : request.headers().entrySet()) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (!ENTITY_HEADERS.contains(name) && !header.getValue().isEmpty()) {
                headers.put(name, header.getValue().get(header.getValue().size() - 1));
            }
        }
        return headers;
    }

    /**
     * The body as the action sees it: parsed JSON or form fields (not for raw-http), else base64 for binary types and
     * {@code application/json}, else text; {@code null} for no body.
     */
    private static JsonNode bodyValue(Request request, byte[] body, boolean raw) {
        if (body.length == 0) {
            return null;
        }
        String contentType = request.header("Content-Type");
        String mediaType = MediaTypes.mediaType(contentType == null ? "application/octet-stream" : contentType);
        if (mediaType == null) {
            throw ApiException.badRequest(Messages.UNSUPPORTED_CONTENT_TYPE);
        }
        if (!raw && MediaTypes.isJsonFamily(mediaType)) {
            return Json.parseBody(body);
        }
        if (!raw && mediaType.equals(MediaTypes.FORM)) {
            ObjectNode form = Json.object();
            Request.parseForm(new String(body, StandardCharsets.UTF_8)).forEach(form::put);
            return form;
        }
        if (MediaTypes.isBinary(mediaType) || mediaType.equals("application/json")) {
            return TextNode.valueOf(Base64.getEncoder().encodeToString(body));
        }
        return TextNode.valueOf(new String(body, StandardCharsets.UTF_8));
    }
}
