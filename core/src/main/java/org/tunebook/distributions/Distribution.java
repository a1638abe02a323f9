package org.tunebook.distributions;

/**
 * The set of values one hyperparameter may take.
 *
 * <p>Every distribution maps its values to an <em>internal</em> {@code double}: the value itself for
 * numbers and the index of the choice for categorical parameters. Samplers and storages work in
 * that representation; users see the external one ({@link #toExternal(double)}).
 *
 * <p>Two distributions of one parameter are {@linkplain #isCompatibleWith compatible} when they are
 * of the same kind, share the log flag and, for categorical ones, the choices: the range of a
 * numeric parameter may change from one trial to the next, its nature may not.
 */
public sealed interface Distribution permits FloatDistribution, IntDistribution, CategoricalDistribution {

    /** The internal value of {@code external}; throws if it cannot belong to this distribution. */
    double toInternal(Object external);

    /** The external value (a {@code Double}, an {@code Integer} or a choice) of an internal one. */
    Object toExternal(double internal);

    /** Whether the internal value lies in this distribution (inside the range, on the step grid). */
    boolean contains(double internal);

    /** Whether this distribution has exactly one possible value. */
    boolean isSingle();

    /** Whether a parameter defined by {@code other} in one trial may be defined by this one in another. */
    boolean isCompatibleWith(Distribution other);

    /**
     * Throws {@link IllegalArgumentException} naming the parameter and both definitions when a parameter
     * defined as {@code previous} is now asked for as {@code current}.
     */
    static void checkCompatible(String name, Distribution previous, Distribution current) {
        if (!current.isCompatibleWith(previous)) {
            throw new IllegalArgumentException("Parameter '" + name + "' was defined as " + previous
                    + " and is now asked for as " + current
                    + ": within a study a parameter's kind, log scale and categorical choices must stay the same"
                    + " (only a numeric range may change). Give the new definition another parameter name.");
        }
    }
}
