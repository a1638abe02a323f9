package org.tunebook.samplers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tunebook.Direction;
import org.tunebook.FrozenTrial;
import org.tunebook.Objective;
import org.tunebook.Run;
import org.tunebook.Study;
import org.tunebook.Tune;

/** Multi-objective TPE (Optuna's MOTPE selection and weights): the sampler contract with two objectives. */
class TpeMultiObjectiveTest extends SamplerContractTest {

    @Override
    protected Sampler create(long seed) {
        return TpeSampler.builder().seed(seed).reproducibleWorkers(4).build();
    }

    @Override
    protected Direction[] directions() {
        return new Direction[] {Direction.MINIMIZE, Direction.MINIMIZE};
    }

    /**
     * On a two-objective problem whose Pareto set is x in [0, 2] (y = 0), TPE's later trials gather near the
     * set, while random search spreads over the whole box.
     */
    @Test
    void laterTrialsGatherNearTheParetoSet() {
        Objective twoBowls = Objective.multi(t -> {
            double x = t.suggestFloat("x", -5, 5);
            double y = t.suggestFloat("y", -5, 5);
            return new double[] {x * x + y * y, (x - 2) * (x - 2) + y * y};
        });
        Study tpe = Tune.study().directions(Direction.MINIMIZE, Direction.MINIMIZE).sampler(new TpeSampler(4)).create();
        Study random = Tune.study().directions(Direction.MINIMIZE, Direction.MINIMIZE).sampler(new RandomSampler(4)).create();
        tpe.optimize(twoBowls, Run.trials(100));
        random.optimize(twoBowls, Run.trials(100));
        assertThat(nearParetoSet(tpe)).as("TPE's last 50 trials near the Pareto set")
                .isGreaterThan(2 * nearParetoSet(random));
    }

    private static long nearParetoSet(Study study) {
        List<FrozenTrial> trials = study.trials();
        return trials.subList(50, trials.size()).stream().filter(t -> {
            double x = (Double) t.params().get("x");
            double y = (Double) t.params().get("y");
            return x > -0.5 && x < 2.5 && Math.abs(y) < 0.5;
        }).count();
    }
}
