package org.serverlessbench.openwhisk.storage.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Converts between plain Java values (as JSON has them) and DynamoDB attribute values. */
final class AttributeValues {

    private AttributeValues() {
    }

    static Map<String, AttributeValue> toAttributes(Map<String, Object> item) {
        Map<String, AttributeValue> attributes = new LinkedHashMap<>();
        item.forEach((name, value) -> attributes.put(name, toAttribute(name, value)));
        return attributes;
    }

    static Map<String, Object> fromAttributes(Map<String, AttributeValue> attributes) {
        Map<String, Object> item = new LinkedHashMap<>();
        attributes.forEach((name, value) -> item.put(name, fromAttribute(value)));
        return item;
    }

    private static AttributeValue toAttribute(String name, Object value) {
        if (value == null) {
            return AttributeValue.fromNul(true);
        }
        if (value instanceof String text) {
            return AttributeValue.fromS(text);
        }
        if (value instanceof Boolean flag) {
            return AttributeValue.fromBool(flag);
        }
        if (value instanceof Number number) {
            return AttributeValue.fromN(new BigDecimal(number.toString()).toPlainString());
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, AttributeValue> nested = new LinkedHashMap<>();
            map.forEach((key, entry) -> nested.put(String.valueOf(key), toAttribute(name + "." + key, entry)));
            return AttributeValue.fromM(nested);
        }
        if (value instanceof List<?> list) {
            List<AttributeValue> entries = new ArrayList<>();
            list.forEach(entry -> entries.add(toAttribute(name + "[]", entry)));
            return AttributeValue.fromL(entries);
        }
        throw new IllegalArgumentException("Attribute '" + name + "' has a " + value.getClass().getName()
                + "; items hold strings, numbers, booleans, null, lists and maps");
    }

    private static Object fromAttribute(AttributeValue value) {
        return switch (value.type()) {
            case S -> value.s();
            case N -> number(value.n());
            case BOOL -> value.bool();
            case NUL -> null;
            case M -> fromAttributes(value.m());
            case L -> value.l().stream().map(AttributeValues::fromAttribute).toList();
            case SS -> value.ss();
            case NS -> value.ns().stream().map(AttributeValues::number).toList();
            default -> value.toString();
        };
    }

    /** A {@code long} when the number is whole and fits, else a {@link BigDecimal}. */
    private static Object number(String text) {
        BigDecimal number = new BigDecimal(text);
        try {
            return number.longValueExact();
        } catch (ArithmeticException e) {
            return number;
        }
    }
}
