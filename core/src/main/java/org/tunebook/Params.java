package org.tunebook;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** One sampled configuration of a declared {@link Space}, with typed getters. */
public final class Params {

    private final Map<String, Object> values;

    /** Wraps parameter values by name. */
    public Params(Map<String, ?> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /**
     * The value of a parameter.
     *
     * @throws IllegalArgumentException if the space has no such parameter
     */
    public Object get(String name) {
        if (!values.containsKey(name)) {
            throw new IllegalArgumentException("no parameter '" + name + "' in this configuration; it has "
                    + values.keySet());
        }
        return values.get(name);
    }

    /** Whether the configuration has this parameter. */
    public boolean has(String name) {
        return values.containsKey(name);
    }

    /** A numeric parameter as a double. */
    public double getDouble(String name) {
        return number(name).doubleValue();
    }

    /** A numeric parameter as an int. */
    public int getInt(String name) {
        Number n = number(name);
        if (n.doubleValue() != Math.rint(n.doubleValue())) {
            throw new IllegalArgumentException("parameter '" + name + "' is " + n + ", not an integer");
        }
        return n.intValue();
    }

    /** A parameter as a string (its text form for non-strings). */
    public String getString(String name) {
        return String.valueOf(get(name));
    }

    /** A boolean parameter. */
    public boolean getBoolean(String name) {
        Object v = get(name);
        if (!(v instanceof Boolean b)) {
            throw new IllegalArgumentException("parameter '" + name + "' is " + v + ", not a boolean");
        }
        return b;
    }

    private Number number(String name) {
        Object v = get(name);
        if (!(v instanceof Number n)) {
            throw new IllegalArgumentException("parameter '" + name + "' is " + v + ", not a number");
        }
        return n;
    }

    /** The values by name. */
    public Map<String, Object> asMap() {
        return values;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Params p && p.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
