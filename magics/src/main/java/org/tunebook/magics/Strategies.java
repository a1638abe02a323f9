package org.tunebook.magics;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.tunebook.Space;
import org.tunebook.pruners.Pruner;
import org.tunebook.samplers.GridSampler;
import org.tunebook.samplers.Sampler;

/**
 * Samplers and pruners by their short names ({@code tpe}, {@code median}, …). A name maps to the class that
 * the design gives it ({@code org.tunebook.samplers.TpeSampler}); a class that this build does not have yet is
 * reported as "not available yet" together with the names that are. Instances are made through the
 * conventions every strategy follows: a no-argument constructor, and a {@code (long seed)} constructor or a
 * {@code builder().seed(…).build()} chain for seeds.
 */
final class Strategies {

    static final Map<String, String> SAMPLERS = new LinkedHashMap<>();
    static final Map<String, String> PRUNERS = new LinkedHashMap<>();
    /** Pruners that need settings, with an example of making one in code. */
    static final Map<String, String> CONFIGURED_PRUNERS = new LinkedHashMap<>();

    static {
        SAMPLERS.put("random", "org.tunebook.samplers.RandomSampler");
        SAMPLERS.put("grid", "org.tunebook.samplers.GridSampler");
        SAMPLERS.put("tpe", "org.tunebook.samplers.TpeSampler");
        SAMPLERS.put("gp", "org.tunebook.samplers.GpSampler");
        SAMPLERS.put("cmaes", "org.tunebook.samplers.CmaEsSampler");
        SAMPLERS.put("qmc", "org.tunebook.samplers.QmcSampler");
        SAMPLERS.put("nsga2", "org.tunebook.samplers.NsgaIISampler");
        SAMPLERS.put("bruteforce", "org.tunebook.samplers.BruteForceSampler");
        PRUNERS.put("none", "org.tunebook.pruners.NopPruner");
        PRUNERS.put("median", "org.tunebook.pruners.MedianPruner");
        PRUNERS.put("asha", "org.tunebook.pruners.SuccessiveHalvingPruner");
        PRUNERS.put("hyperband", "org.tunebook.pruners.HyperbandPruner");
        PRUNERS.put("wilcoxon", "org.tunebook.pruners.WilcoxonPruner");
        CONFIGURED_PRUNERS.put("percentile", "Pruner p = new PercentilePruner(25);");
        CONFIGURED_PRUNERS.put("threshold", "Pruner p = ThresholdPruner.builder().upper(1.0).build();");
        CONFIGURED_PRUNERS.put("patient", "Pruner p = new PatientPruner(new MedianPruner(), 3);");
    }

    private final Function<String, Optional<Class<?>>> classes;

    /** Strategies from the classes on this build's class path. */
    Strategies() {
        this(Strategies::loadClass);
    }

    /** Strategies from the classes a resolver finds (tests pretend classes are missing). */
    Strategies(Function<String, Optional<Class<?>>> classes) {
        this.classes = classes;
    }

    private static Optional<Class<?>> loadClass(String name) {
        try {
            return Optional.of(Class.forName(name, true, Strategies.class.getClassLoader()));
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty();
        }
    }

    /** The sampler names this build has. */
    List<String> availableSamplers() {
        return available(SAMPLERS);
    }

    /** The pruner names this build has. */
    List<String> availablePruners() {
        return available(PRUNERS);
    }

    private List<String> available(Map<String, String> kinds) {
        List<String> names = new ArrayList<>();
        kinds.forEach((kind, className) -> {
            if (classes.apply(className).isPresent()) {
                names.add(kind);
            }
        });
        return names;
    }

    /**
     * A sampler choice from {@code --sampler} (a name or a variable holding a {@link Sampler}) and {@code --seed}.
     */
    SamplerChoice sampler(String value, Long seed, Variables variables) {
        if (value == null) {
            return SamplerChoice.named("random", seed, this);
        }
        Optional<Object> variable = SAMPLERS.containsKey(value) ? Optional.empty() : variables.lookup(value);
        if (variable.isPresent()) {
            if (!(variable.get() instanceof Sampler s)) {
                throw new MagicException("variable '" + value + "' is a " + variable.get().getClass().getName()
                        + ", not a Sampler; use --sampler " + String.join("|", SAMPLERS.keySet()));
            }
            if (seed != null) {
                throw new MagicException("--seed applies to samplers chosen by name; the sampler in variable '"
                        + value + "' was made in code, so give it its seed there");
            }
            return SamplerChoice.of(value, s);
        }
        classFor("sampler", value, SAMPLERS, availableSamplers());
        return SamplerChoice.named(value, seed, this);
    }

    /** A pruner from {@code --pruner}: a name, or a variable holding a {@link Pruner}. */
    Pruner pruner(String value, Variables variables) {
        if (value == null || value.equals("nop")) {
            value = "none";
        }
        Optional<Object> variable = PRUNERS.containsKey(value) ? Optional.empty() : variables.lookup(value);
        if (variable.isPresent()) {
            if (!(variable.get() instanceof Pruner p)) {
                throw new MagicException("variable '" + value + "' is a " + variable.get().getClass().getName()
                        + ", not a Pruner; use --pruner " + String.join("|", PRUNERS.keySet()));
            }
            return p;
        }
        if (CONFIGURED_PRUNERS.containsKey(value)) {
            throw new MagicException("the " + value + " pruner needs settings: make it in a cell, e.g. "
                    + CONFIGURED_PRUNERS.get(value) + " and pass --pruner p");
        }
        Class<?> type = classFor("pruner", value, PRUNERS, availablePruners());
        return (Pruner) instantiate(type, null, value);
    }

    private Class<?> classFor(String what, String kind, Map<String, String> kinds, List<String> available) {
        String className = kinds.get(kind);
        if (className == null) {
            String hint = Names.closest(kind, kinds.keySet()).map(k -> " (did you mean " + k + "?)").orElse("");
            throw new MagicException("unknown " + what + " '" + kind + "'" + hint + "; " + what + "s: "
                    + String.join(", ", available) + ", or the name of a variable holding a "
                    + (what.equals("sampler") ? "Sampler" : "Pruner"));
        }
        return classes.apply(className).orElseThrow(() -> new MagicException("the " + kind + " " + what
                + " is not available yet in this build; available now: " + String.join(", ", available)));
    }

    /** Makes a sampler by name, for one run; {@code space} is needed by grid search. */
    Sampler createSampler(String kind, Long seed, Space space) {
        if (kind.equals("grid")) {
            if (space == null) {
                throw new MagicException("grid search needs a space to enumerate: declare one with %%tune space S"
                        + " and run with --space S");
            }
            Map<String, List<Object>> grid;
            try {
                grid = space.gridValues();
            } catch (IllegalArgumentException e) {
                throw new MagicException("grid search: " + e.getMessage(), e);
            }
            return seed == null ? new GridSampler(grid) : new GridSampler(grid, seed);
        }
        Class<?> type = classFor("sampler", kind, SAMPLERS, availableSamplers());
        return (Sampler) instantiate(type, seed, kind);
    }

    private static Object instantiate(Class<?> type, Long seed, String kind) {
        try {
            if (seed == null) {
                return type.getConstructor().newInstance();
            }
            Optional<Constructor<?>> bySeed = constructor(type, long.class);
            if (bySeed.isPresent()) {
                return bySeed.get().newInstance(seed);
            }
            Method builder = type.getMethod("builder");
            Object b = builder.invoke(null);
            b.getClass().getMethod("seed", long.class).invoke(b, seed);
            return b.getClass().getMethod("build").invoke(b);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw new MagicException("cannot make the " + kind + " strategy: " + cause.getMessage(), cause);
        } catch (ReflectiveOperationException e) {
            throw new MagicException("the " + kind + " strategy cannot be made by name"
                    + (seed == null ? "" : " with a seed") + "; make it in a cell and pass its variable instead", e);
        }
    }

    private static Optional<Constructor<?>> constructor(Class<?> type, Class<?>... parameters) {
        try {
            return Optional.of(type.getConstructor(parameters));
        } catch (NoSuchMethodException e) {
            return Optional.empty();
        }
    }
}
