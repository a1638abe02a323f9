package org.tunebook.samplers;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tunebook.FrozenTrial;
import org.tunebook.Objective;
import org.tunebook.Run;
import org.tunebook.Study;
import org.tunebook.Trial;
import org.tunebook.TrialState;
import org.tunebook.Tune;
import org.tunebook.storage.InMemoryStorage;
import org.tunebook.storage.Storage;

/**
 * CMA-ES with synchronous generations: the whole sampler contract, four workers included, and runs with one
 * and with four workers that propose the same parameters trial for trial.
 */
class CmaEsSynchronousTest extends SamplerContractTest {

    @Override
    protected Sampler create(long seed) {
        return CmaEsSampler.builder().seed(seed).synchronous(true).warnIndependentSampling(false).build();
    }

    private static final Objective SPHERE = t -> {
        double s = 0;
        for (int i = 0; i < 4; i++) {
            double x = t.suggestFloat("x" + i, -5, 5) - 1;
            s += x * x;
        }
        Thread.yield();
        return s + t.suggestInt("k", 0, 9);
    };

    /** The same seed gives the same run with one worker as with four: every generation waits for its last candidate. */
    @Test
    void oneWorkerAndFourWorkersGiveTheSameRun() {
        List<Map<String, Object>> one = paramsByNumber(run(1));
        List<Map<String, Object>> four = paramsByNumber(run(4));
        assertThat(four).isEqualTo(one);
    }

    /** No generation has more candidates than its population when no trial fails. */
    @Test
    void generationsHaveExactlyTheirPopulation() {
        Study study = run(4);
        Map<Object, Integer> sizes = new HashMap<>();
        for (FrozenTrial t : study.trials()) {
            Object g = t.systemAttrs().get(CmaHistory.GENERATION);
            if (g != null) {
                sizes.merge(g, 1, Integer::sum);
            }
        }
        int popsize = CmaEs.defaultPopsize(5);
        int last = sizes.keySet().stream().mapToInt(g -> ((Number) g).intValue()).max().orElseThrow();
        sizes.forEach((g, n) -> {
            if (((Number) g).intValue() < last) {
                assertThat(n).as("candidates of generation %s", g).isEqualTo(popsize);
            }
        });
        assertThat(last).isGreaterThan(5);
    }

    /**
     * The last running candidate of a generation finishing while the next trial decides, at any moment of that
     * decision (after each of the storage calls it makes), gives the same outcome as finishing before it: the
     * next trial is the first candidate of the next generation, never one more candidate of the finished
     * generation (which would shift every later candidate onto the next trial number). Forces each interleaving
     * in turn, so it fails without a loaded machine's luck.
     */
    @Test
    void aCandidateFinishingWhileTheNextTrialDecidesNeverShiftsIt() {
        Decision reference = decideAfterLastCandidateFinishes(0);
        assertThat(reference.generation).isEqualTo(1);
        assertThat(reference.candidate).isEqualTo(0);
        List<String> shifted = new ArrayList<>();
        for (int after = 1; after <= reference.storageCalls + 5; after++) {
            Decision d = decideAfterLastCandidateFinishes(after);
            if (!d.equals(reference.withCalls(d.storageCalls))) {
                shifted.add("after call " + after + ": generation " + d.generation + " candidate " + d.candidate);
            }
        }
        assertThat(shifted).as("trial 4's decision when trial 3 finished while it sampled")
                .isEmpty();
    }

    private record Decision(Object generation, Object candidate, Map<String, Object> params, int storageCalls) {
        Decision withCalls(int calls) {
            return new Decision(generation, candidate, params, calls);
        }
    }

    /**
     * Trial 0 starts up, trials 1-3 are generation 0 (population 3); trials 1 and 2 finish, and trial 3 finishes
     * after the {@code after}-th storage call trial 4 makes while it samples (0: before it starts). Returns trial
     * 4's decision.
     */
    private static Decision decideAfterLastCandidateFinishes(int after) {
        InMemoryStorage memory = new InMemoryStorage();
        int[] calls = {-1}; // -1: not counting
        long[] third = {-1};
        Storage storage = (Storage) Proxy.newProxyInstance(Storage.class.getClassLoader(),
                new Class<?>[] {Storage.class}, (proxy, method, args) -> {
                    Object result;
                    try {
                        result = method.invoke(memory, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (calls[0] >= 0 && ++calls[0] == after) {
                        memory.finishTrial(third[0], TrialState.COMPLETE, new double[] {3.0});
                    }
                    return result;
                });
        Study study = Tune.study().storage(storage).sampler(CmaEsSampler.builder().seed(5).popsize(3)
                .synchronous(true).maxWait(Duration.ofSeconds(30)).build()).create();
        for (int n = 0; n < 4; n++) {
            Trial t = study.ask();
            t.suggestFloat("x", -1, 1);
            t.suggestFloat("y", -1, 1);
            if (n == 3) {
                third[0] = t.id();
            }
            if (n < 3 || after == 0) {
                study.tell(t, n);
            }
        }
        Trial fourth = study.ask();
        calls[0] = 0;
        fourth.suggestFloat("x", -1, 1);
        fourth.suggestFloat("y", -1, 1);
        int made = calls[0];
        calls[0] = -1;
        assertThat(storage.trial(third[0]).state())
                .as("trial 3 finished").isEqualTo(TrialState.COMPLETE);
        Map<String, Object> attrs = storage.trial(fourth.id()).systemAttrs();
        return new Decision(attrs.get(CmaEsSampler.GENERATION), attrs.get(CmaEsSampler.CANDIDATE),
                fourth.params(), made);
    }

    private static Study run(int jobs) {
        Study study = Tune.study().sampler(CmaEsSampler.builder().seed(9).synchronous(true).build()).create();
        study.optimize(SPHERE, Run.trials(80).jobs(jobs));
        return study;
    }
}
