package org.serverlessbench.openwhisk.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.serverlessbench.openwhisk.embedded.RestCalls.action;
import static org.serverlessbench.openwhisk.embedded.RestCalls.object;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.serverlessbench.openwhisk.embedded.RestCalls.Answer;

/** {@code /api/v1/web/...} against real nodejs actions (§3). */
class WebActionsTest {
    private static final String ACTIONS = "/api/v1/namespaces/_/actions/";
    private static final String WEB = "/api/v1/web/guest/default/";
    private static final String ECHO = "function main(args) { return args; }";

    private static EmbeddedOpenWhisk openWhisk;
    private static RestCalls rest;
    private static RestCalls anonymous;

    @BeforeAll
    static void start() throws Exception {
        openWhisk = EmbeddedOpenWhisk.newBuilder().prewarm("nodejs:20", 0).start();
        rest = new RestCalls(openWhisk.apiHost(), openWhisk.auth());
        anonymous = rest.anonymous();
        web("echo", ECHO, Map.of());
        web("raw", ECHO, Map.of("raw-http", true));
        web("respond", "function main(args) { return args.response; }", Map.of());
        web("secured", ECHO, Map.of("require-whisk-auth", true));
        web("secret", ECHO, Map.of("require-whisk-auth", "s3cr3t"));
        web("own-options", "function main(args) { return {statusCode: 200, headers: {'x-mine': args.__ow_method}}; }",
                Map.of("web-custom-options", true));
        web("crash", "function main() { process.exit(1); }", Map.of());
        web("app-error", "function main() { return {error: {statusCode: 404, body: 'no such thing'}}; }", Map.of());
        rest.put(ACTIONS + "hidden", action("nodejs:20", ECHO));
        rest.put("/api/v1/namespaces/_/packages/site", object());
        web("site/page", "function main() { return {html: '<p>in a package</p>'}; }", Map.of());
    }

    private static void web(String name, String code, Map<String, Object> annotations) {
        ObjectNode body = action("nodejs:20", code);
        ArrayNode list = body.putArray("annotations");
        list.addObject().put("key", "web-export").put("value", true);
        annotations.forEach((k, v) -> list.addObject().put("key", k).set("value", RestCalls.MAPPER.valueToTree(v)));
        rest.putAction(name, body);
    }

    @AfterAll
    static void stop() {
        openWhisk.close();
    }

    private static Answer respond(String extension, Object response) {
        ObjectNode payload = object();
        payload.set("response", RestCalls.MAPPER.valueToTree(response));
        return anonymous.send("POST", WEB + "respond" + extension, payload, Map.of());
    }

    @Test
    void passesMethodHeadersPathQueryAndJsonBody() {
        Answer answer = anonymous.send("POST", WEB + "echo.json/some/path?q=1", object().put("b", 2),
                Map.of("X-Custom", "yes"));

        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        assertThat(answer.header("Content-Type")).startsWith("application/json");
        assertThat(answer.header("x-openwhisk-activation-id")).matches("[0-9a-f]{32}");
        assertThat(answer.header("Access-Control-Allow-Origin")).isEqualTo("*");
        JsonNode args = answer.json();
        assertThat(args.path("__ow_method").asText()).isEqualTo("post");
        assertThat(args.path("__ow_path").asText()).isEqualTo("/some/path");
        assertThat(args.path("__ow_headers").path("x-custom").asText()).isEqualTo("yes");
        assertThat(args.path("__ow_headers").path("content-type").asText()).isEqualTo("application/json");
        assertThat(args.path("q").asText()).isEqualTo("1");
        assertThat(args.path("b").asInt()).isEqualTo(2);
        assertThat(args.has("__ow_user")).isFalse();
        assertThat(args.has("__ow_body")).isFalse();
    }

    @Test
    void acceptsEveryMethod() {
        for (String method : new String[] {"GET", "PUT", "PATCH", "DELETE"}) {
            Answer answer = anonymous.send(method, WEB + "echo.json", null, Map.of());
            assertThat(answer.status()).as(method).isEqualTo(200);
            assertThat(answer.json().path("__ow_method").asText()).isEqualTo(method.toLowerCase());
        }
        Answer head = anonymous.send("HEAD", WEB + "echo.json", null, Map.of());
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.bytes()).isEmpty();
    }

    @Test
    void mapsFormTextAndBinaryBodies() {
        Answer form = anonymous.raw("POST", WEB + "echo.json", "a=1&b=x+y".getBytes(StandardCharsets.UTF_8),
                Map.of("Content-Type", "application/x-www-form-urlencoded"));
        assertThat(form.json().path("a").asText()).isEqualTo("1");
        assertThat(form.json().path("b").asText()).isEqualTo("x y");

        Answer text = anonymous.raw("POST", WEB + "echo.json", "plain words".getBytes(StandardCharsets.UTF_8),
                Map.of("Content-Type", "text/plain"));
        assertThat(text.json().path("__ow_body").asText()).isEqualTo("plain words");

        byte[] bytes = {0, 1, 2, (byte) 255};
        Answer binary = anonymous.raw("POST", WEB + "echo.json", bytes, Map.of("Content-Type", "image/png"));
        assertThat(binary.json().path("__ow_body").asText()).isEqualTo(Base64.getEncoder().encodeToString(bytes));

        Answer array = anonymous.raw("POST", WEB + "echo.json", "[1,2]".getBytes(StandardCharsets.UTF_8),
                Map.of("Content-Type", "application/json"));
        assertThat(array.json().path("__ow_body")).hasToString("[1,2]");
    }

    @Test
    void givesRawHttpActionsTheQueryAndBodyUnparsed() {
        Answer answer = anonymous.send("POST", WEB + "raw.json?a=1&b=2", object().put("x", 1), Map.of());
        Answer empty = anonymous.send("GET", WEB + "raw.json", null, Map.of());

        assertThat(answer.json().path("__ow_query").asText()).isEqualTo("a=1&b=2");
        assertThat(answer.json().has("a")).isFalse();
        assertThat(new String(Base64.getDecoder().decode(answer.json().path("__ow_body").asText()),
                StandardCharsets.UTF_8)).isEqualTo("{\"x\":1}");
        assertThat(empty.json().path("__ow_body").asText()).isEmpty();
        assertThat(empty.json().path("__ow_query").asText()).isEmpty();
    }

    @Test
    void refusesRequestsSettingReservedParameters() {
        Answer answer = anonymous.send("GET", WEB + "echo.json?__ow_method=get", null, Map.of());

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().path("error").asText())
                .isEqualTo("Request defines parameters that are not allowed (e.g., reserved properties).");
    }

    @Test
    void rendersTheHttpExtension() {
        Answer full = respond(".http", Map.of("statusCode", 201, "headers", Map.of("X-Answer", 42, "Set-Cookie",
                java.util.List.of("a=1", "b=2")), "body", "<b>created</b>"));
        assertThat(full.status()).isEqualTo(201);
        assertThat(full.header("Content-Type")).startsWith("text/html");
        assertThat(full.header("X-Answer")).isEqualTo("42");
        assertThat(full.headers().allValues("Set-Cookie")).containsExactly("a=1", "b=2");
        assertThat(full.text()).isEqualTo("<b>created</b>");

        byte[] png = {(byte) 0x89, 'P', 'N', 'G'};
        Answer binary = respond("", Map.of("headers", Map.of("Content-Type", "image/png"), "body",
                Base64.getEncoder().encodeToString(png)));
        assertThat(binary.status()).isEqualTo(200);
        assertThat(binary.bytes()).containsExactly(png);

        Answer json = respond(".http", Map.of("statusCode", "202", "body", Map.of("ok", true)));
        assertThat(json.status()).isEqualTo(202);
        assertThat(json.header("Content-Type")).startsWith("application/json");
        assertThat(json.json()).hasToString("{\"ok\":true}");

        assertThat(respond(".http", Map.of("headers", Map.of("X-Only", "header"))).status()).isEqualTo(204);

        Answer invalid = respond(".http", Map.of("statusCode", "not a number"));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().path("error").asText()).isEqualTo("Response is not valid 'message/http'.");

        Answer mismatch = respond(".http", Map.of("headers", Map.of("Content-Type", "text/plain"), "body",
                Map.of("a", 1)));
        assertThat(mismatch.status()).isEqualTo(400);
        assertThat(mismatch.json().path("error").asText())
                .isEqualTo("Response type in header did not match generated content type.");
    }

    @Test
    void rendersHtmlSvgAndTextExtensions() {
        Answer html = respond(".html", Map.of("html", "<h1>hi</h1>"));
        assertThat(html.header("Content-Type")).startsWith("text/html");
        assertThat(html.text()).isEqualTo("<h1>hi</h1>");

        Answer svg = respond(".svg", Map.of("body", "<svg/>"));
        assertThat(svg.header("Content-Type")).startsWith("image/svg+xml");
        assertThat(svg.text()).isEqualTo("<svg/>");

        Answer text = respond(".text", Map.of("text", "just text"));
        assertThat(text.header("Content-Type")).startsWith("text/plain");
        assertThat(text.text()).isEqualTo("just text");

        Answer notHtml = respond(".html", Map.of("html", 5));
        assertThat(notHtml.status()).isEqualTo(400);
        assertThat(notHtml.json().path("error").asText()).isEqualTo("Response is not valid 'text/html'.");

        Answer noText = respond(".text", Map.of("other", 1));
        assertThat(noText.status()).isEqualTo(404);
        assertThat(noText.json().path("error").asText()).isEqualTo("Response does not include requested property.");

        Answer packaged = anonymous.get("/api/v1/web/guest/site/page.html");
        assertThat(packaged.text()).isEqualTo("<p>in a package</p>");
    }

    @Test
    void rendersApplicationErrorsAndHidesDeveloperErrors() {
        Answer applicationError = anonymous.get(WEB + "app-error.http");
        assertThat(applicationError.status()).isEqualTo(404);
        assertThat(applicationError.text()).isEqualTo("no such thing");

        Answer crash = anonymous.get(WEB + "crash.json");
        assertThat(crash.status()).isEqualTo(400);
        assertThat(crash.json().path("error").asText()).isEqualTo("There was an error processing your request.");
        assertThat(crash.header("x-openwhisk-activation-id")).matches("[0-9a-f]{32}");
    }

    @Test
    void answers404ForActionsThatAreNotWebExported() {
        assertThat(anonymous.get(WEB + "hidden.json").status()).isEqualTo(404);
        assertThat(anonymous.get(WEB + "missing.json").status()).isEqualTo(404);
        assertThat(anonymous.get("/api/v1/web/other/default/echo.json").status()).isEqualTo(404);
        assertThat(anonymous.get(WEB + "echo.xml").status()).isEqualTo(404);
    }

    @Test
    void enforcesRequireWhiskAuth() {
        Answer refused = anonymous.get(WEB + "secured.json");
        assertThat(refused.status()).isEqualTo(401);
        Answer allowed = rest.get(WEB + "secured.json");
        assertThat(allowed.status()).isEqualTo(200);
        assertThat(allowed.json().path("__ow_user").asText()).isEqualTo("guest");

        assertThat(anonymous.get(WEB + "secret.json").status()).isEqualTo(401);
        assertThat(anonymous.send("GET", WEB + "secret.json", null, Map.of("X-Require-Whisk-Auth", "wrong"))
                .status()).isEqualTo(401);
        assertThat(anonymous.send("GET", WEB + "secret.json", null, Map.of("X-Require-Whisk-Auth", "s3cr3t"))
                .status()).isEqualTo(200);
    }

    @Test
    void answersOptionsWithCorsUnlessTheActionHandlesThem() {
        Answer options = anonymous.send("OPTIONS", WEB + "secured.json", null,
                Map.of("Access-Control-Request-Headers", "x-one, x-two"));
        assertThat(options.status()).isEqualTo(200);
        assertThat(options.header("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(options.header("Access-Control-Allow-Methods"))
                .isEqualTo("OPTIONS, GET, DELETE, POST, PUT, HEAD, PATCH");
        assertThat(options.header("Access-Control-Allow-Headers")).isEqualTo("x-one, x-two");
        assertThat(options.header("x-openwhisk-activation-id")).isNull();

        Answer own = anonymous.send("OPTIONS", WEB + "own-options.http", null, Map.of());
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.header("x-mine")).isEqualTo("options");
        assertThat(own.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void answers202WhenTheResultIsNotReadyInTime() throws Exception {
        try (EmbeddedOpenWhisk impatient = EmbeddedOpenWhisk.newBuilder().prewarm("nodejs:20", 0)
                .maxBlockingWait(Duration.ofMillis(500)).start()) {
            RestCalls calls = new RestCalls(impatient.apiHost(), impatient.auth());
            ObjectNode body = action("nodejs:20",
                    "function main() { return new Promise(r => setTimeout(() => r({late: true}), 3000)); }");
            body.putArray("annotations").addObject().put("key", "web-export").put("value", true);
            assertThat(calls.put(ACTIONS + "slow", body).status()).isEqualTo(200);

            Answer answer = calls.anonymous().get(WEB + "slow.json");

            assertThat(answer.status()).isEqualTo(202);
            assertThat(answer.json().path("error").asText()).isEqualTo("Response not yet ready.");
            assertThat(answer.header("x-openwhisk-activation-id")).matches("[0-9a-f]{32}");
        }
    }

    @Test
    void refusesBodiesOverOneMegabyte() {
        Answer answer = anonymous.raw("POST", WEB + "echo.json", new byte[1024 * 1024 + 1],
                Map.of("Content-Type", "application/octet-stream"));

        assertThat(answer.status()).isEqualTo(413);
    }
}
