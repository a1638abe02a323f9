package org.tunebook.importance;

import java.util.List;
import org.tunebook.FrozenTrial;
import org.tunebook.distributions.CategoricalDistribution;
import org.tunebook.distributions.Distribution;
import org.tunebook.distributions.FloatDistribution;
import org.tunebook.distributions.IntDistribution;

/**
 * One distribution for a parameter whose numeric range changed between trials: the smallest range holding
 * every trial's range. (A parameter's kind, log flag and choices cannot change within a study.)
 */
final class SpaceMerger {

    private SpaceMerger() {
    }

    /** The merged distribution of {@code name} over trials that all have it. */
    static Distribution merge(String name, List<FrozenTrial> trials) {
        Distribution merged = null;
        for (FrozenTrial t : trials) {
            Distribution d = t.distributions().get(name);
            merged = merged == null ? d : merge(merged, d);
        }
        return merged;
    }

    private static Distribution merge(Distribution a, Distribution b) {
        if (a.equals(b)) {
            return a;
        }
        if (a instanceof FloatDistribution f && b instanceof FloatDistribution g && f.log() == g.log()) {
            Double step = f.step() != null && f.step().equals(g.step()) && f.low() == g.low() ? f.step() : null;
            return new FloatDistribution(Math.min(f.low(), g.low()), Math.max(f.high(), g.high()), f.log(), step);
        }
        if (a instanceof IntDistribution i && b instanceof IntDistribution j && i.log() == j.log()) {
            int step = i.step() == j.step() && i.low() == j.low() ? i.step() : 1;
            return new IntDistribution(Math.min(i.low(), j.low()), Math.max(i.high(), j.high()), i.log(), step);
        }
        if (a instanceof CategoricalDistribution) {
            throw new IllegalArgumentException("categorical parameter has different choices in different trials: "
                    + a + " and " + b);
        }
        throw new IllegalArgumentException("parameter is defined as " + a + " in one trial and " + b + " in another");
    }
}
