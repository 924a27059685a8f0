package org.serverlessbench.openwhisk.docker;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * The one question asked of a registry directly: which manifest digest a tag has
 * ({@code HEAD /v2/<path>/manifests/<tag>}).
 * Loopback registries are spoken to over HTTP, others over HTTPS. Token-authenticated registries (Docker Hub) answer
 * 401 here; the push then goes ahead and the engine skips the layers the registry has.
 */
final class RegistryApi {

    private static final String MANIFEST_TYPES = "application/vnd.docker.distribution.manifest.v2+json,"
            + "application/vnd.oci.image.manifest.v1+json,"
            + "application/vnd.docker.distribution.manifest.list.v2+json,"
            + "application/vnd.oci.image.index.v1+json";

    private final RegistryCredentials credentials;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .proxy(HttpClient.Builder.NO_PROXY).build();

    RegistryApi(RegistryCredentials credentials) {
        this.credentials = credentials;
    }

    Optional<String> manifestDigest(String path, String tag) {
        String registry = credentials.registry();
        boolean loopback = registry.startsWith("127.") || registry.startsWith("localhost");
        URI uri = URI.create((loopback ? "http://" : "https://") + registry + "/v2/" + path + "/manifests/" + tag);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).method("HEAD", HttpRequest.BodyPublishers.noBody())
                .header("Accept", MANIFEST_TYPES).timeout(Duration.ofSeconds(10));
        if (!credentials.anonymous()) {
            String basic = credentials.username() + ":" + credentials.password();
            request.header("Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8)));
        }
        try {
            HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200 ? response.headers().firstValue("Docker-Content-Digest")
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
