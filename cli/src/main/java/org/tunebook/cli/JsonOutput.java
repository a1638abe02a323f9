package org.tunebook.cli;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.tunebook.Direction;
import org.tunebook.FrozenTrial;
import org.tunebook.TrialState;

/**
 * The {@code --json} output of the storage commands. Values become JSON by their kind, without reflection:
 * numbers, strings, booleans and null as they are, instants as ISO-8601 strings in UTC, enums by name, lists and
 * maps (user attributes) as arrays and objects. NaN and infinite values are written as {@code NaN},
 * {@code Infinity} and {@code -Infinity}, as Python's {@code json} module reads and writes them.
 */
final class JsonOutput {

    private static final Gson GSON = new GsonBuilder()
            .serializeNulls()
            .serializeSpecialFloatingPointValues()
            .disableHtmlEscaping()
            .setPrettyPrinting()
            .create();

    private static final Gson COMPACT = new GsonBuilder()
            .serializeNulls()
            .serializeSpecialFloatingPointValues()
            .disableHtmlEscaping()
            .create();

    private JsonOutput() {
    }

    /** A value as JSON on one line. */
    static String compact(Object value) {
        return COMPACT.toJson(of(value));
    }

    /** The element as indented JSON text, without a final line end. */
    static String text(JsonElement element) {
        return GSON.toJson(element);
    }

    /** A value as JSON. */
    static JsonElement of(Object value) {
        if (value == null) {
            return JsonNull.INSTANCE;
        }
        if (value instanceof JsonElement e) {
            return e;
        }
        if (value instanceof Number n) {
            return new JsonPrimitive(n);
        }
        if (value instanceof Boolean b) {
            return new JsonPrimitive(b);
        }
        if (value instanceof Character || value instanceof CharSequence) {
            return new JsonPrimitive(value.toString());
        }
        if (value instanceof Instant i) {
            return new JsonPrimitive(i.toString());
        }
        if (value instanceof Direction d) {
            return new JsonPrimitive(Formats.direction(d));
        }
        if (value instanceof Enum<?> e) {
            return new JsonPrimitive(e.name());
        }
        if (value instanceof double[] values) {
            JsonArray a = new JsonArray();
            for (double v : values) {
                a.add(new JsonPrimitive(v));
            }
            return a;
        }
        if (value instanceof Collection<?> c) {
            JsonArray a = new JsonArray();
            c.forEach(v -> a.add(of(v)));
            return a;
        }
        if (value instanceof Map<?, ?> m) {
            JsonObject o = new JsonObject();
            m.forEach((k, v) -> o.add(String.valueOf(k), of(v)));
            return o;
        }
        return new JsonPrimitive(value.toString());
    }

    /** One row of a table as an object, column name to cell. */
    static JsonObject row(List<String> columns, List<Object> cells) {
        JsonObject o = new JsonObject();
        for (int i = 0; i < columns.size(); i++) {
            o.add(columns.get(i), of(cells.get(i)));
        }
        return o;
    }

    /** A trial's number, state, value(s), parameters and user attributes, as {@code best} prints them. */
    static JsonObject trial(FrozenTrial t, boolean multiObjective) {
        JsonObject o = new JsonObject();
        o.addProperty("number", t.number());
        o.addProperty("state", t.state().name());
        if (multiObjective) {
            o.add("values", of(t.values()));
        } else {
            o.add("value", t.hasValue() ? new JsonPrimitive(t.value()) : JsonNull.INSTANCE);
        }
        o.add("params", of(t.params()));
        o.add("user_attrs", of(t.userAttrs()));
        o.add("datetime_start", of(t.started()));
        o.add("datetime_complete", of(t.completed()));
        if (t.state() == TrialState.FAIL) {
            o.add("fail_reason", of(t.failReason().orElse(null)));
        }
        return o;
    }
}
