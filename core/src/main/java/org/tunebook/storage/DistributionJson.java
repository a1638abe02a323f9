package org.tunebook.storage;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tunebook.distributions.CategoricalDistribution;
import org.tunebook.distributions.Distribution;
import org.tunebook.distributions.FloatDistribution;
import org.tunebook.distributions.IntDistribution;

/**
 * Distributions in Optuna's JSON form ({@code {"name": "FloatDistribution", "attributes": {…}}}), including
 * the legacy names of Optuna 2 (UniformDistribution, LogUniformDistribution, DiscreteUniformDistribution,
 * IntUniformDistribution, IntLogUniformDistribution), which are read as their modern equivalents.
 */
final class DistributionJson {

    private DistributionJson() {
    }

    /**
     * JSON texts by distribution: every trial writes its parameters' distributions, and a study has a few
     * distinct ones. Equal distributions (value equality) have the same text.
     */
    private static final Map<Distribution, String> WRITTEN = new java.util.concurrent.ConcurrentHashMap<>();

    static String write(Distribution distribution) {
        String text = WRITTEN.get(distribution);
        if (text == null) {
            text = format(distribution);
            if (WRITTEN.size() < PARSED_LIMIT && isImmutable(distribution)) {
                WRITTEN.put(distribution, text);
            }
        }
        return text;
    }

    /** Whether a distribution can never change: a categorical one could hold a mutable Number (AtomicLong, say). */
    private static boolean isImmutable(Distribution distribution) {
        if (!(distribution instanceof CategoricalDistribution c)) {
            return true;
        }
        for (Object choice : c.choices()) {
            if (choice != null && !(choice instanceof String || choice instanceof Boolean || choice instanceof Integer
                    || choice instanceof Long || choice instanceof Double || choice instanceof Float
                    || choice instanceof Short || choice instanceof Byte)) {
                return false;
            }
        }
        return true;
    }

    private static String format(Distribution distribution) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        String name;
        if (distribution instanceof FloatDistribution f) {
            name = "FloatDistribution";
            attributes.put("step", f.step());
            attributes.put("low", f.low());
            attributes.put("high", f.high());
            attributes.put("log", f.log());
        } else if (distribution instanceof IntDistribution i) {
            name = "IntDistribution";
            attributes.put("log", i.log());
            attributes.put("step", i.step());
            attributes.put("low", i.low());
            attributes.put("high", i.high());
        } else {
            name = "CategoricalDistribution";
            attributes.put("choices", ((CategoricalDistribution) distribution).choices());
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", name);
        json.put("attributes", attributes);
        return Json.write(json);
    }

    /** Parsed distributions by their JSON: a study has a few distinct ones, repeated in every trial. */
    private static final Map<String, Distribution> PARSED = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int PARSED_LIMIT = 10_000;

    /** The distribution of a stored JSON text; distributions are immutable, so parsed ones are shared. */
    static Distribution read(String text) {
        Distribution d = PARSED.get(text);
        if (d == null) {
            d = parse(text);
            if (PARSED.size() < PARSED_LIMIT) {
                PARSED.put(text, d);
            }
        }
        return d;
    }

    private static Distribution parse(String text) {
        if (!(Json.read(text) instanceof Map<?, ?> json) || !(json.get("attributes") instanceof Map<?, ?> a)) {
            throw new StorageException("stored distribution is not in Optuna's format: " + text);
        }
        Object name = json.get("name");
        try {
            switch (String.valueOf(name)) {
                case "FloatDistribution":
                    return new FloatDistribution(num(a, "low"), num(a, "high"), bool(a, "log"),
                            a.get("step") == null ? null : num(a, "step"));
                case "IntDistribution":
                    return new IntDistribution(integer(a, "low"), integer(a, "high"), bool(a, "log"),
                            a.get("step") == null ? 1 : integer(a, "step"));
                case "CategoricalDistribution":
                    return new CategoricalDistribution((List<?>) a.get("choices"));
                case "UniformDistribution":
                    return new FloatDistribution(num(a, "low"), num(a, "high"), false, null);
                case "LogUniformDistribution":
                    return new FloatDistribution(num(a, "low"), num(a, "high"), true, null);
                case "DiscreteUniformDistribution":
                    return new FloatDistribution(num(a, "low"), num(a, "high"), false, num(a, "q"));
                case "IntUniformDistribution":
                    return new IntDistribution(integer(a, "low"), integer(a, "high"), false,
                            a.get("step") == null ? 1 : integer(a, "step"));
                case "IntLogUniformDistribution":
                    return new IntDistribution(integer(a, "low"), integer(a, "high"), true, 1);
                default:
                    throw new StorageException("stored distribution has unknown kind '" + name + "': " + text);
            }
        } catch (ClassCastException | NullPointerException | IllegalArgumentException e) {
            if (e instanceof StorageException se) {
                throw se;
            }
            throw new StorageException("stored distribution is invalid: " + text + " (" + e.getMessage() + ")", e);
        }
    }

    private static double num(Map<?, ?> a, String key) {
        return ((Number) a.get(key)).doubleValue();
    }

    private static int integer(Map<?, ?> a, String key) {
        return (int) Math.round(((Number) a.get(key)).doubleValue());
    }

    private static boolean bool(Map<?, ?> a, String key) {
        return Boolean.TRUE.equals(a.get(key));
    }
}
