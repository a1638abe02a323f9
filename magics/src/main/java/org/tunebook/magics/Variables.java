package org.tunebook.magics;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The notebook's variables, by name: how {@code --objective f} and {@code --space s} find the objects a
 * user defined in code. The kernel implements it with its JShell session; tests use {@link #of(Map)}.
 */
public interface Variables {

    /** The value of a variable, or empty when there is no such variable (or it is null). */
    Optional<Object> lookup(String name);

    /** The names of the defined variables, for hints in error messages; may be empty. */
    default Set<String> names() {
        return Set.of();
    }

    /** Variables held in a map (a snapshot is not taken: later changes to the map are seen). */
    static Variables of(Map<String, ?> values) {
        return new Variables() {
            @Override
            public Optional<Object> lookup(String name) {
                return Optional.ofNullable(values.get(name));
            }

            @Override
            public Set<String> names() {
                return new TreeSet<>(values.keySet());
            }
        };
    }

    /** No variables at all. */
    static Variables none() {
        return of(Map.of());
    }
}
