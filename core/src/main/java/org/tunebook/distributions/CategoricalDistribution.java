package org.tunebook.distributions;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A parameter taking one of a list of choices: strings, numbers, booleans or {@code null}. Its internal
 * value is the index of the choice.
 */
public final class CategoricalDistribution implements Distribution {

    private final List<Object> choices;

    /** Copies and validates the choices: at least one, each a string, number, boolean or null. */
    public CategoricalDistribution(List<?> choices) {
        if (choices == null || choices.isEmpty()) {
            throw new IllegalArgumentException("categorical parameter needs at least one choice, got none");
        }
        for (Object choice : choices) {
            if (choice != null && !(choice instanceof String || choice instanceof Number || choice instanceof Boolean)) {
                throw new IllegalArgumentException("categorical choice " + choice + " is a "
                        + choice.getClass().getSimpleName() + "; choices must be strings, numbers, booleans or null"
                        + " (store complex objects elsewhere and choose among their names)");
            }
        }
        this.choices = Collections.unmodifiableList(new ArrayList<>(choices));
    }

    /** The choices, in their original order (may contain {@code null}). */
    public List<Object> choices() {
        return choices;
    }

    /** The index of {@code value} among the choices, or -1. */
    public int indexOf(Object value) {
        for (int i = 0; i < choices.size(); i++) {
            if (sameChoice(choices.get(i), value)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean sameChoice(Object choice, Object value) {
        if (choice instanceof Number a && value instanceof Number b && !(choice.getClass() == value.getClass())) {
            return a.doubleValue() == b.doubleValue();
        }
        return Objects.equals(choice, value);
    }

    @Override
    public double toInternal(Object external) {
        int index = indexOf(external);
        if (index < 0) {
            throw new IllegalArgumentException("value " + external + " is not one of the choices " + choices);
        }
        return index;
    }

    @Override
    public Object toExternal(double internal) {
        return choices.get((int) internal);
    }

    @Override
    public boolean contains(double index) {
        return index == Math.rint(index) && index >= 0 && index < choices.size();
    }

    @Override
    public boolean isSingle() {
        return choices.size() == 1;
    }

    @Override
    public boolean isCompatibleWith(Distribution other) {
        return other instanceof CategoricalDistribution c && c.choices.equals(choices);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CategoricalDistribution c && c.choices.equals(choices);
    }

    @Override
    public int hashCode() {
        return choices.hashCode();
    }

    @Override
    public String toString() {
        return "categorical " + choices;
    }
}
