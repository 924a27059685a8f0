package org.serverlessbench.openwhisk.client;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Finds each setting in its sources, first match wins: the builder, configuration parameters (or system properties),
 * the environment, then the wsk properties file. Blank values count as unset.
 */
final class ConfigurationResolver {

    static final String APIHOST_PARAMETER = "openwhisk.apihost";
    static final String AUTH_PARAMETER = "openwhisk.auth";
    static final String NAMESPACE_PARAMETER = "openwhisk.namespace";
    static final String INSECURE_PARAMETER = "openwhisk.insecure";
    static final String DEFAULT_NAMESPACE = "_";

    private static final Pattern UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final Function<String, Optional<String>> parameters;
    private final String parameterKind;
    private final Map<String, String> environment;
    private final WskProperties wskProperties;

    /**
     * @param parameters    configuration parameter lookup
     * @param parameterKind how to name a parameter in a source label: {@code configuration parameter} or
     *                      {@code system property}
     * @param wskFile       an explicit wsk properties file, or null for {@code $WSK_CONFIG_FILE} else
     *                      {@code ~/.wskprops}
     */
    ConfigurationResolver(Function<String, Optional<String>> parameters, String parameterKind,
            Map<String, String> environment, Path wskFile) {
        this.parameters = parameters;
        this.parameterKind = parameterKind;
        this.environment = environment;
        this.wskProperties = wskFile != null ? WskProperties.read(wskFile) : defaultWskProperties(environment);
    }

    private static WskProperties defaultWskProperties(Map<String, String> environment) {
        String configured = environment.get("WSK_CONFIG_FILE");
        if (configured != null) {
            return configured.isBlank() ? WskProperties.none() : WskProperties.read(Path.of(configured));
        }
        return WskProperties.read(Path.of(System.getProperty("user.home"), ".wskprops"));
    }

    ClientConfiguration resolve(String builderApiHost, String builderAuth, String builderNamespace,
            Boolean builderInsecure, Duration connectTimeout, Duration readTimeout, int maxAttempts) {
        checkApiVersion();
        ConfigValue apiHost = normalizeApiHost(first(builderApiHost, APIHOST_PARAMETER,
                List.of("WHISK_APIHOST", "__OW_API_HOST"), "APIHOST")
                .orElseThrow(() -> missing("API host", APIHOST_PARAMETER, "http://127.0.0.1:3233",
                        "WHISK_APIHOST or __OW_API_HOST", "APIHOST",
                        " An API host without a scheme means https; write http://host:port for a plain-HTTP"
                                + " OpenWhisk.")));
        ConfigValue auth = validateAuth(first(builderAuth, AUTH_PARAMETER,
                List.of("WHISK_AUTH", "__OW_API_KEY"), "AUTH")
                .orElseThrow(() -> missing("auth key", AUTH_PARAMETER, "<uuid>:<key>",
                        "WHISK_AUTH or __OW_API_KEY", "AUTH",
                        " 'wsk property get --auth' shows the key the wsk CLI uses.")));
        ConfigValue namespace = first(builderNamespace, NAMESPACE_PARAMETER, List.of("__OW_NAMESPACE"), "NAMESPACE")
                .orElse(new ConfigValue(DEFAULT_NAMESPACE, "default"));
        boolean insecure = builderInsecure != null ? builderInsecure : parameter(INSECURE_PARAMETER)
                .map(value -> parseBoolean(value, parameterKind + " " + INSECURE_PARAMETER))
                .orElse(false);
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(readTimeout, "readTimeout");
        if (maxAttempts < 1) {
            throw new OpenWhiskConfigurationException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        return new ClientConfiguration(apiHost, auth, namespace, insecure, connectTimeout, readTimeout, maxAttempts);
    }

    private Optional<ConfigValue> first(String builderValue, String parameter, List<String> variables,
            String wskKey) {
        if (builderValue != null && !builderValue.isBlank()) {
            return Optional.of(new ConfigValue(builderValue.trim(), "builder"));
        }
        Optional<String> fromParameter = parameter(parameter);
        if (fromParameter.isPresent()) {
            return Optional.of(new ConfigValue(fromParameter.get(), parameterKind + " " + parameter));
        }
        for (String variable : variables) {
            String value = environment.get(variable);
            if (value != null && !value.isBlank()) {
                return Optional.of(new ConfigValue(value.trim(), "environment variable " + variable));
            }
        }
        return wskProperties.get(wskKey).map(value -> new ConfigValue(value, wskProperties.sourceOf(wskKey)));
    }

    private Optional<String> parameter(String key) {
        return parameters.apply(key).map(String::trim).filter(value -> !value.isEmpty());
    }

    private void checkApiVersion() {
        String fromEnvironment = environment.get("WHISK_APIVERSION");
        ConfigValue version = fromEnvironment != null && !fromEnvironment.isBlank()
                ? new ConfigValue(fromEnvironment.trim(), "environment variable WHISK_APIVERSION")
                : wskProperties.get("APIVERSION")
                        .map(value -> new ConfigValue(value, wskProperties.sourceOf("APIVERSION")))
                        .orElse(null);
        if (version != null && !version.value().equals("v1")) {
            throw new OpenWhiskConfigurationException("API version '" + version.value() + "' from "
                    + version.source() + " is not supported: this client speaks OpenWhisk REST API v1. "
                    + "Set it to v1 or remove it.");
        }
    }

    /** Names every source in the order they are tried, as a user sets them, never the builder's methods. */
    private OpenWhiskConfigurationException missing(String what, String parameter, String example,
            String variables, String wskKey, String advice) {
        String howToSetParameter = parameterKind.equals("system property")
                ? "-D" + parameter + "=" + example
                : parameter + "=" + example + " in src/test/resources/junit-platform.properties, or -D" + parameter
                        + "=" + example;
        return new OpenWhiskConfigurationException("No OpenWhisk " + what + " configured. Set one of: the "
                + parameterKind + " " + parameter + " (" + howToSetParameter + "); the environment variable "
                + variables + "; or " + wskKey + " in " + wskProperties.describe() + " ('wsk property set' writes"
                + " it; WSK_CONFIG_FILE names another file)." + advice);
    }

    static ConfigValue normalizeApiHost(ConfigValue configured) {
        String value = configured.value();
        while (value.endsWith("/")) {
            value = value.substring(0, value.length() - 1);
        }
        if (!value.contains("://")) {
            value = "https://" + value;
        }
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw invalidApiHost(configured, "the scheme must be http or https");
            }
            if (uri.getHost() == null) {
                throw invalidApiHost(configured, "it has no host name");
            }
        } catch (URISyntaxException e) {
            throw invalidApiHost(configured, e.getMessage());
        }
        return new ConfigValue(value, configured.source());
    }

    private static OpenWhiskConfigurationException invalidApiHost(ConfigValue configured, String reason) {
        return new OpenWhiskConfigurationException("The API host '" + configured.value() + "' from "
                + configured.source() + " is not a valid URL: " + reason
                + ". Use host[:port] (https is assumed) or http://host:port.");
    }

    /** Checks the {@code uuid:key} shape; the message names the source but never shows the value. */
    static ConfigValue validateAuth(ConfigValue auth) {
        String value = auth.value();
        String problem = null;
        int colon = value.indexOf(':');
        if (colon < 0) {
            problem = "it has no ':' between the UUID and the key";
        } else if (!UUID.matcher(value.substring(0, colon)).matches()) {
            problem = "the part before ':' is not a UUID (8-4-4-4-12 hex digits)";
        } else if (colon == value.length() - 1) {
            problem = "the key after ':' is empty";
        } else if (value.chars().anyMatch(Character::isWhitespace)) {
            problem = "it contains whitespace";
        }
        if (problem != null) {
            throw new OpenWhiskConfigurationException("The auth from " + auth.source()
                    + " is malformed: expected '<uuid>:<key>', but " + problem
                    + ". Copy the whole value shown by 'wsk property get --auth'.");
        }
        return auth;
    }

    private static boolean parseBoolean(String value, String source) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new OpenWhiskConfigurationException("The value '" + value + "' of " + source
                    + " is not a boolean: use true or false.");
        };
    }

    private static void requirePositive(Duration duration, String name) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new OpenWhiskConfigurationException(name + " must be a positive duration, was " + duration);
        }
    }
}
