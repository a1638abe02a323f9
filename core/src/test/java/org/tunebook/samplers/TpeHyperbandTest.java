package org.tunebook.samplers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tunebook.FrozenTrial;
import org.tunebook.Run;
import org.tunebook.Study;
import org.tunebook.Trial;
import org.tunebook.TrialPrunedException;
import org.tunebook.TrialState;
import org.tunebook.Tune;
import org.tunebook.pruners.HyperbandPruner;

/**
 * TPE in a study pruned by Hyperband models only the trials of the current trial's bracket, finished and
 * running, as Optuna's TPE does with its bracket study.
 */
class TpeHyperbandTest {

    /** Reports {@code loss} at each of {@code steps} steps, pruning when told to, and returns it. */
    private static double reportAll(Trial t, double loss, int steps) {
        for (int step = 0; step < steps; step++) {
            t.report(loss, step);
            if (t.shouldPrune()) {
                throw new TrialPrunedException();
            }
        }
        return loss;
    }

    @Test
    void aTrialModelsExactlyTheFinishedAndRunningTrialsOfItsBracket() {
        HyperbandPruner pruner = HyperbandPruner.builder().minResource(1).maxResource(9).reductionFactor(3).build();
        TpeSampler sampler = new TpeSampler(4);
        Study study = Tune.study().name("tpe-hyperband").sampler(sampler).pruner(pruner).create();
        study.optimize(t -> {
            double x = t.suggestFloat("x", -5, 5);
            return reportAll(t, x * x, 9);
        }, Run.trials(60));
        assertThat(pruner.bracketCount(study)).isEqualTo(3);
        assertThat(study.trials(TrialState.PRUNED)).as("pruned trials").isNotEmpty();

        List<Trial> asked = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Trial t = study.ask();
            t.suggestFloat("x", -5, 5);
            asked.add(t);
        }
        Set<Integer> bracketsSeen = new HashSet<>();
        for (Trial t : asked) {
            int bracket = pruner.bracketOf(study, t.number());
            bracketsSeen.add(bracket);
            List<Integer> expected = new ArrayList<>();
            for (FrozenTrial f : study.trials()) {
                if ((f.state() == TrialState.COMPLETE || f.state() == TrialState.PRUNED)
                        && pruner.bracketOf(study, f.number()) == bracket) {
                    expected.add(f.number());
                }
            }
            assertThat(expected.size()).as("bracket %s is a strict part of the study", bracket).isBetween(1, 59);
            assertThat(java.util.Arrays.stream(sampler.modelledTrials(study, t)).boxed().toList()).as("trials modelled by trial %s (bracket %s)", t.number(),
                    bracket).containsExactlyElementsOf(expected);

            List<Integer> running = new ArrayList<>();
            for (Trial other : asked) {
                if (other != t && pruner.bracketOf(study, other.number()) == bracket) {
                    running.add(other.number());
                }
            }
            assertThat(HistoryCache.running(study, t)).extracting(TpeHistory.Pending::number)
                    .as("running trials seen by trial %s", t.number()).containsExactlyElementsOf(running);
        }
        assertThat(bracketsSeen).as("brackets of the asked trials").hasSizeGreaterThan(1);
    }

    /**
     * Two brackets whose trials have opposite optima (x = -3 in one, x = 3 in the other): modelled apart, each
     * bracket's later trials gather around its own optimum; modelled together (checked by disabling the
     * filter), every late trial of one bracket went to the other's optimum.
     */
    @Test
    void eachBracketLearnsItsOwnOptimum() {
        HyperbandPruner pruner = HyperbandPruner.builder().minResource(1).maxResource(3).reductionFactor(3).build();
        Study study = Tune.study().name("tpe-two-brackets").sampler(new TpeSampler(7)).pruner(pruner).create();
        study.optimize(t -> {
            double x = t.suggestFloat("x", -5, 5);
            double target = pruner.bracketOf(study, t.number()) == 0 ? -3 : 3;
            return reportAll(t, (x - target) * (x - target), 3);
        }, Run.trials(150));
        assertThat(pruner.bracketCount(study)).isEqualTo(2);
        for (int bracket = 0; bracket < 2; bracket++) {
            double target = bracket == 0 ? -3 : 3;
            int b = bracket;
            List<Double> last = study.trials().stream().filter(t -> pruner.bracketOf(study, t.number()) == b)
                    .map(t -> (Double) t.params().get("x")).toList();
            last = last.subList(last.size() - 25, last.size());
            long near = last.stream().filter(x -> Math.abs(x - target) < 1.5).count();
            assertThat(near).as("of the last 25 trials of bracket %s, near its optimum %s: %s", b, target, last)
                    .isGreaterThanOrEqualTo(19);
        }
    }
}
