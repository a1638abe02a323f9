package org.tunebook.samplers;

import java.lang.System.Logger.Level;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tunebook.FrozenTrial;
import org.tunebook.Study;
import org.tunebook.Trial;
import org.tunebook.TrialState;
import org.tunebook.distributions.Distribution;

/**
 * Fixes some parameters to given values and lets another sampler choose the rest, to explore around a
 * known-good configuration.
 */
public final class PartialFixedSampler implements Sampler {

    private static final System.Logger LOG = System.getLogger(PartialFixedSampler.class.getName());

    private final Map<String, Object> fixed;
    private final Sampler base;

    /** Fixes {@code fixed} (external values by name) and delegates the other parameters to {@code base}. */
    public PartialFixedSampler(Map<String, ?> fixed, Sampler base) {
        if (fixed == null || base == null) {
            throw new IllegalArgumentException("PartialFixedSampler needs fixed values and a base sampler, got "
                    + fixed + " and " + base);
        }
        this.fixed = new LinkedHashMap<>(fixed);
        this.base = base;
    }

    @Override
    public Map<String, Distribution> inferRelativeSearchSpace(Study study, Trial trial) {
        Map<String, Distribution> space = new LinkedHashMap<>(base.inferRelativeSearchSpace(study, trial));
        space.keySet().removeAll(fixed.keySet());
        return space;
    }

    @Override
    public Map<String, Double> sampleRelative(Study study, Trial trial, Map<String, Distribution> searchSpace) {
        return base.sampleRelative(study, trial, searchSpace);
    }

    @Override
    public double sampleIndependent(Study study, Trial trial, String name, Distribution distribution) {
        if (!fixed.containsKey(name)) {
            return base.sampleIndependent(study, trial, name, distribution);
        }
        Object value = fixed.get(name);
        double internal;
        try {
            internal = distribution.toInternal(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("fixed value of parameter '" + name + "' does not fit: " + e.getMessage(), e);
        }
        if (!distribution.contains(internal)) {
            LOG.log(Level.WARNING, "fixed value {0} of parameter ''{1}'' lies outside {2}; using it anyway",
                    value, name, distribution);
        }
        return internal;
    }

    @Override
    public Map<String, Object> beforeTrial(Study study) {
        return base.beforeTrial(study);
    }

    @Override
    public void beforeFinish(Study study, Trial trial, TrialState state, double[] values) {
        base.beforeFinish(study, trial, state, values);
    }

    @Override
    public void afterTrial(Study study, FrozenTrial trial) {
        base.afterTrial(study, trial);
    }

    @Override
    public String toString() {
        return "PartialFixedSampler(" + fixed + ", " + base + ")";
    }
}
