package org.tunebook;

import java.util.List;
import java.util.Map;

/** Checks that attribute values can be stored as JSON, the way every storage keeps them. */
final class AttrValues {

    private AttrValues() {
    }

    static void check(String key, Object value) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("attribute key must be a non-empty string");
        }
        if (!isJson(value)) {
            throw new IllegalArgumentException("attribute '" + key + "' has a value of type "
                    + value.getClass().getName() + ", which cannot be stored; use strings, numbers, booleans, null,"
                    + " and lists or string-keyed maps of them");
        }
    }

    private static boolean isJson(Object value) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
            return true;
        }
        if (value instanceof List<?> list) {
            return list.stream().allMatch(AttrValues::isJson);
        }
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream().allMatch(e -> e.getKey() instanceof String && isJson(e.getValue()));
        }
        return false;
    }
}
