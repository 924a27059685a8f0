package org.serverlessbench.openwhisk.client;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.util.Map;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;

/** Turns refused requests and failed connections into {@link OpenWhiskException}s with helpful, key-free messages. */
final class ErrorTranslator {

    private static final int MAX_BODY_IN_MESSAGE = 500;

    private final ClientConfiguration configuration;
    private final JsonCodec json;
    private final Redactor redactor;

    ErrorTranslator(ClientConfiguration configuration, JsonCodec json, Redactor redactor) {
        this.configuration = configuration;
        this.json = json;
        this.redactor = redactor;
    }

    OpenWhiskException refused(Operation operation, HttpAnswer answer) {
        ErrorBody errorBody = errorBody(answer.body());
        String error = redactor.redact(errorBody.error());
        String code = redactor.redact(errorBody.code());
        int status = answer.status();
        StringBuilder message = new StringBuilder()
                .append("HTTP ").append(status).append(" from OpenWhisk on ").append(operation.describe())
                .append(" (").append(answer.method()).append(' ').append(answer.url()).append(')');
        if (error != null && !error.isEmpty()) {
            message.append(": ").append(error);
        }
        if (code != null && !code.isEmpty()) {
            message.append(" [code ").append(code).append(']');
        }
        message.append(hint(status, answer.attempts()));
        String text = message.toString();
        String op = operation.name();
        String entity = operation.entity();
        return switch (status) {
            case 404 -> new OpenWhiskNotFoundException(text, status, error, code, op, entity, null);
            case 409 -> new OpenWhiskConflictException(text, status, error, code, op, entity, null);
            case 401, 403 -> new OpenWhiskAuthenticationException(text, status, error, code, op, entity, null);
            case 429 -> new OpenWhiskThrottledException(text, status, error, code, op, entity, null);
            default -> status >= 500
                    ? new OpenWhiskServerException(text, status, error, code, op, entity, null)
                    : new OpenWhiskRequestException(text, status, error, code, op, entity, null);
        };
    }

    OpenWhiskException malformedAnswer(Operation operation, HttpAnswer answer, String problem) {
        String text = "Unexpected answer from OpenWhisk on " + operation.describe() + " (" + answer.method() + ' '
                + answer.url() + ", HTTP " + answer.status() + "): " + redactor.redact(problem)
                + ". Is " + configuration.apiHost().value() + " an OpenWhisk API host?";
        return new OpenWhiskServerException(text, answer.status(), null, null, operation.name(),
                operation.entity(), null);
    }

    /** @param inTlsHandshake whether {@code e} ended the call during its TLS handshake */
    OpenWhiskConnectionException noAnswer(Operation operation, String method, Object url, IOException e,
            boolean inTlsHandshake) {
        String text = "No answer from OpenWhisk on " + operation.describe() + " (" + method + ' ' + url + "): "
                + e.getClass().getSimpleName() + ": " + redactor.redact(e.getMessage()) + '.'
                + connectionHint(e, inTlsHandshake);
        return new OpenWhiskConnectionException(text, operation.name(), operation.entity(), e);
    }

    private String hint(int status, int attempts) {
        return switch (status) {
            case 401 -> " Check the auth key from " + configuration.auth().source() + ".";
            case 403 -> " The user " + configuration.authUser() + " (auth from " + configuration.auth().source()
                    + ") may not access this resource; check the namespace " + configuration.namespace() + ".";
            case 429 -> " Still throttled after " + attempts + " attempt(s); invoke less often, raise the"
                    + " namespace limits, or raise maxAttempts.";
            case 503 -> " Still unavailable after " + attempts + " attempt(s).";
            default -> "";
        };
    }

    private String connectionHint(IOException e, boolean inTlsHandshake) {
        String apiHost = " Check the API host " + configuration.apiHost().value() + " (from "
                + configuration.apiHost().source() + ")";
        if (e instanceof SSLException && certificateProblem(e)) {
            return apiHost + "; if it uses a self-signed certificate, set the configuration parameter"
                    + " openwhisk.insecure=true, as 'wsk -i' does.";
        }
        if (e instanceof SSLException || inTlsHandshake) {
            return " The TLS handshake with " + configuration.apiHost().value() + " (from "
                    + configuration.apiHost().source() + ") failed: if that server speaks plain HTTP, write the API"
                    + " host as " + plainHttp(configuration.apiHost().value()) + " (an API host without a scheme"
                    + " means https).";
        }
        if (e instanceof SocketTimeoutException || e instanceof InterruptedIOException) {
            return " The server did not answer in time (connectTimeout " + configuration.connectTimeout()
                    + ", readTimeout " + configuration.readTimeout() + "); raise the timeouts if it is slow.";
        }
        if (e instanceof ConnectException || e instanceof UnknownHostException) {
            return apiHost + " and that OpenWhisk is running there.";
        }
        return apiHost + ".";
    }

    /** Whether TLS failed on the server's certificate or host name, rather than on a server that is not TLS. */
    private static boolean certificateProblem(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SSLPeerUnverifiedException || cause instanceof CertificateException
                    || cause instanceof CertPathBuilderException || cause instanceof CertPathValidatorException) {
                return true;
            }
        }
        return false;
    }

    private static String plainHttp(String apiHost) {
        return apiHost.startsWith("https://") ? "http://" + apiHost.substring("https://".length()) : apiHost;
    }

    /** OpenWhisk's {@code {"error": ..., "code": ...}}, or the raw body as the error text. */
    private ErrorBody errorBody(byte[] body) {
        if (body.length == 0) {
            return new ErrorBody(null, null);
        }
        try {
            if (json.readValue(body) instanceof Map<?, ?> map && map.containsKey("error")) {
                Object error = map.get("error");
                Object code = map.get("code");
                return new ErrorBody(error == null ? null : String.valueOf(error),
                        code == null ? null : String.valueOf(code));
            }
        } catch (JsonCodec.MalformedJsonException notJson) {
            // fall through: the raw text is the best message there is
        }
        String text = new String(body, StandardCharsets.UTF_8).strip();
        if (text.length() > MAX_BODY_IN_MESSAGE) {
            text = text.substring(0, MAX_BODY_IN_MESSAGE) + "...";
        }
        return new ErrorBody(text, null);
    }

    private record ErrorBody(String error, String code) {
    }
}
