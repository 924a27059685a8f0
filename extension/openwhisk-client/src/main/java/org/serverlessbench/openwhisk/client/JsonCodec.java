package org.serverlessbench.openwhisk.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * The only place that knows Jackson. Maps request records to JSON and responses to the public records or to plain
 * Java values (LinkedHashMap, ArrayList, String, Number, Boolean, null). Unknown fields are ignored.
 */
final class JsonCodec {

    /** Thrown when an answer is not the JSON this client expects. */
    static final class MalformedJsonException extends Exception {
        MalformedJsonException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Request records leave unset (null) fields out, so that an update keeps the server's values. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    private abstract static class OmitNullsMixin {
    }

    private final ObjectMapper mapper;

    JsonCodec() {
        mapper = new ObjectMapper()
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, false)
                .addMixIn(ActionPut.class, OmitNullsMixin.class)
                .addMixIn(Exec.class, OmitNullsMixin.class)
                .addMixIn(ActionLimits.class, OmitNullsMixin.class)
                .addMixIn(PackagePut.class, OmitNullsMixin.class);
    }

    byte[] write(Object value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write " + value.getClass().getSimpleName()
                    + " as JSON: " + e.getOriginalMessage(), e);
        }
    }

    <T> T read(byte[] json, Class<T> type) throws MalformedJsonException {
        try {
            return mapper.readValue(json, type);
        } catch (IOException e) {
            throw malformed(type.getSimpleName(), e);
        }
    }

    <T> List<T> readList(byte[] json, Class<T> elementType) throws MalformedJsonException {
        JavaType listType = mapper.getTypeFactory().constructCollectionType(List.class, elementType);
        try {
            return mapper.readValue(json, listType);
        } catch (IOException e) {
            throw malformed("list of " + elementType.getSimpleName(), e);
        }
    }

    /** Any JSON value as plain Java. */
    Object readValue(byte[] json) throws MalformedJsonException {
        try {
            return mapper.readValue(json, Object.class);
        } catch (IOException e) {
            throw malformed("JSON value", e);
        }
    }

    /** A plain Java map (as from {@link #readValue}) bound to a record. */
    <T> T convert(Map<?, ?> value, Class<T> type) throws MalformedJsonException {
        try {
            return mapper.convertValue(value, type);
        } catch (IllegalArgumentException e) {
            throw malformed(type.getSimpleName(), e);
        }
    }

    private static MalformedJsonException malformed(String expected, Exception e) {
        String detail = e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getMessage();
        return new MalformedJsonException("expected " + expected + " but could not read the body: " + detail, e);
    }
}
