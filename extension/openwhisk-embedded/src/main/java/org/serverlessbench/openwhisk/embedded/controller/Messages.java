package org.serverlessbench.openwhisk.embedded.controller;

/** Response texts exactly as Apache OpenWhisk words them, so clients matching on them behave the same. */
final class Messages {
    static final String RESOURCE_DOES_NOT_EXIST = "The requested resource does not exist.";
    static final String NOT_AUTHORIZED = "The supplied authentication is not authorized to access this resource.";
    static final String UNAUTHORIZED = "The supplied authentication is invalid.";
    static final String ALREADY_EXISTS = "resource already exists";
    static final String PARAMETERS_NOT_ALLOWED =
            "Request defines parameters that are not allowed (e.g., reserved properties).";
    static final String DOCS_NOT_ALLOWED_WITH_COUNT = "The parameter 'docs' is not permitted with 'count'.";
    static final String ACTIVATION_ID_ILLEGAL = "The activation id is not valid.";
    static final String ENTITY_NAME_ILLEGAL = "The name of the entity contains illegal characters.";
    static final String RESPONSE_NOT_READY = "Response not yet ready.";
    static final String ERROR_PROCESSING_REQUEST = "There was an error processing your request.";
    static final String PROPERTY_NOT_FOUND = "Response does not include requested property.";
    static final String HTTP_UNKNOWN_CONTENT_TYPE = "Response did not specify a known content-type.";
    static final String HTTP_CONTENT_TYPE_ERROR = "Response type in header did not match generated content type.";
    static final String UNSUPPORTED_CONTENT_TYPE = "Content type is not supported.";

    private Messages() {
    }

    static String invalidTimeout(long maxMs) {
        return "Timeout must be number of milliseconds up to " + maxMs + ".";
    }

    static String entityTooBig(String field, long size, long allowed) {
        return field + " larger than allowed: " + size + " > " + allowed + " bytes.";
    }

    static String packageNameIsReserved(String name) {
        return "Package name '" + name + "' is reserved.";
    }

    static String packageNotEmpty(int count) {
        return "Package not empty (contains " + count + " " + (count == 1 ? "entity" : "entities") + ")";
    }

    static String invalidMedia(String mediaType) {
        return "Response is not valid '" + mediaType + "'.";
    }

    static String listLimitOutOfRange(String collection, long value, int max) {
        return "The value '" + value + "' is not in the range of 0 to " + max + " for " + collection + ".";
    }

    static String listSkipOutOfRange(String collection, long value) {
        return "The value '" + value + "' is not greater than or equal to 0 for " + collection + ".";
    }

    static String argumentNotInteger(String collection, String value) {
        return "The value '" + value + "' is not an integer for " + collection + ".";
    }

    static String badNameFilter(String value) {
        return "Parameter may be a 'simple' name or 'package-name/simple' name: " + value;
    }

    static String badEpoch(String value) {
        return "Parameter is not a valid value for epoch seconds: " + value;
    }
}
