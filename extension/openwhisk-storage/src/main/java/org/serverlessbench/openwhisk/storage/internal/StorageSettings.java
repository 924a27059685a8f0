package org.serverlessbench.openwhisk.storage.internal;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.serverlessbench.openwhisk.storage.StorageKeys;

/**
 * The storage configuration of a run. A remote endpoint given without its keys is an error naming the missing key.
 *
 * @param object       the remote object storage, or null for the embedded s3proxy
 * @param nosql        the remote NoSQL endpoint, or null for the embedded dynalite
 * @param workDirectory where dynalite is installed
 */
record StorageSettings(Remote object, Remote nosql, Cleanup cleanup, Path workDirectory) {

    enum Cleanup { ALWAYS, ON_SUCCESS, NEVER }

    /** A configured service: {@code http://host:port}, keys and region. */
    record Remote(URI uri, String accessKey, String secretKey, String region) {

        /** {@code host:port}, the form SeBS's parameters carry. */
        String hostPort() {
            return uri.getHost() + ":" + uri.getPort();
        }
    }

    static final String DEFAULT_REGION = "us-east-1";
    private static final String ACTION_CLEANUP = "openwhisk.cleanup";

    static StorageSettings read(Function<String, Optional<String>> parameters) {
        Remote object = remote(parameters, StorageKeys.OBJECT_ENDPOINT, StorageKeys.OBJECT_ACCESS_KEY,
                StorageKeys.OBJECT_SECRET_KEY, null, true);
        Remote nosql = remote(parameters, StorageKeys.NOSQL_ENDPOINT, StorageKeys.NOSQL_ACCESS_KEY,
                StorageKeys.NOSQL_SECRET_KEY, StorageKeys.NOSQL_REGION, false);
        Optional<String> ownCleanup = value(parameters, StorageKeys.CLEANUP);
        String cleanupKey = ownCleanup.isPresent() ? StorageKeys.CLEANUP : ACTION_CLEANUP;
        Cleanup cleanup = cleanup(cleanupKey, ownCleanup.or(() -> value(parameters, ACTION_CLEANUP)));
        Path work = Path.of(value(parameters, StorageKeys.WORK_DIRECTORY).orElse("target/openwhisk-storage"));
        if (!work.isAbsolute()) {
            work = Path.of(System.getProperty("basedir", "")).toAbsolutePath().resolve(work);
        }
        return new StorageSettings(object, nosql, cleanup, work.normalize());
    }

    private static Remote remote(Function<String, Optional<String>> parameters, String endpointKey,
            String accessKeyKey, String secretKeyKey, String regionKey, boolean keysRequired) {
        Optional<String> endpoint = value(parameters, endpointKey);
        if (endpoint.isEmpty()) {
            return null;
        }
        URI uri = endpointUri(endpointKey, endpoint.get());
        Optional<String> accessKey = value(parameters, accessKeyKey);
        Optional<String> secretKey = value(parameters, secretKeyKey);
        if (keysRequired && (accessKey.isEmpty() || secretKey.isEmpty())) {
            throw new ExtensionConfigurationException(endpointKey + " is \"" + endpoint.get() + "\", but "
                    + (accessKey.isEmpty() ? accessKeyKey : secretKeyKey) + " is not set; set both "
                    + accessKeyKey + " and " + secretKeyKey + " to the service's credentials");
        }
        String region = regionKey == null ? DEFAULT_REGION : value(parameters, regionKey).orElse(DEFAULT_REGION);
        return new Remote(uri, accessKey.orElse("none"), secretKey.orElse("none"), region);
    }

    /** {@code host:port} or {@code http://host:port}; SeBS's functions connect without TLS. */
    static URI endpointUri(String key, String endpoint) {
        String withScheme = endpoint.contains("://") ? endpoint : "http://" + endpoint;
        try {
            URI uri = URI.create(withScheme);
            if (!"http".equals(uri.getScheme()) || uri.getHost() == null || uri.getPort() < 0) {
                throw new IllegalArgumentException("not http://host:port");
            }
            return URI.create("http://" + uri.getHost() + ":" + uri.getPort());
        } catch (IllegalArgumentException e) {
            throw new ExtensionConfigurationException(key + " is \"" + endpoint + "\", but must be host:port or"
                    + " http://host:port (SeBS's functions connect without TLS)", e);
        }
    }

    private static Cleanup cleanup(String key, Optional<String> value) {
        if (value.isEmpty()) {
            return Cleanup.ALWAYS;
        }
        String wanted = value.get().toLowerCase(Locale.ROOT);
        for (Cleanup cleanup : Cleanup.values()) {
            if (cleanup.name().toLowerCase(Locale.ROOT).replace('_', '-').equals(wanted)) {
                return cleanup;
            }
        }
        throw new ExtensionConfigurationException("Configuration parameter " + key + " is \"" + value.get()
                + "\", but must be one of: always, on-success, never (default always)");
    }

    private static Optional<String> value(Function<String, Optional<String>> parameters, String key) {
        return parameters.apply(key).map(String::strip).filter(text -> !text.isEmpty());
    }
}
