package org.tunebook.storage;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import com.google.gson.ToNumberPolicy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON as Optuna writes it for attributes: numbers keep their integer or float nature, NaN and infinities
 * are allowed (Python's json module writes them), integers that fit come back as {@code Integer}.
 */
final class Json {

    private static final Gson GSON = new GsonBuilder()
            .serializeNulls()
            .serializeSpecialFloatingPointValues()
            .setObjectToNumberStrategy(ToNumberPolicy.LONG_OR_DOUBLE)
            .disableHtmlEscaping()
            .create();

    private Json() {
    }

    static String write(Object value) {
        return GSON.toJson(value);
    }

    static Object read(String json) {
        if (json == null) {
            return null;
        }
        try {
            return normalize(GSON.fromJson(json, Object.class));
        } catch (JsonParseException e) {
            throw new StorageException("stored JSON value is unreadable: " + abbreviate(json) + " (" + e.getMessage() + ")", e);
        }
    }

    private static Object normalize(Object value) {
        if (value instanceof Long l && l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE) {
            return l.intValue();
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(v -> out.add(normalize(v)));
            return out;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put((String) k, normalize(v)));
            return out;
        }
        return value;
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
