package org.tunebook.storage;

import java.time.Duration;
import org.tunebook.Heartbeat;
import org.tunebook.Run;
import org.tunebook.Study;
import org.tunebook.Tune;
import org.tunebook.samplers.RandomSampler;

/**
 * A worker process of {@link MultiProcessTest}: joins a shared study and runs trials that announce
 * themselves on standard output ("STARTED n") and then sleep, so the test can kill it mid-trial.
 * Arguments: storage URL, study name, trials, sleep per trial in milliseconds, seed.
 */
public final class SharedStudyWorker {

    static final Heartbeat HEARTBEAT = Heartbeat.every(Duration.ofMillis(400)).gracePeriod(Duration.ofMillis(2_500))
            .retries(1);

    private SharedStudyWorker() {
    }

    public static void main(String[] args) {
        String url = args[0];
        String name = args[1];
        int trials = Integer.parseInt(args[2]);
        long sleep = Long.parseLong(args[3]);
        long seed = Long.parseLong(args[4]);
        Study study = Tune.study().name(name).storage(url).heartbeat(HEARTBEAT).sampler(new RandomSampler(seed))
                .loadIfExists(true).create();
        study.optimize(t -> {
            double x = t.suggestFloat("x", 0, 1);
            int n = t.suggestInt("n", 1, 5);
            System.out.println("STARTED " + t.number());
            System.out.flush();
            Thread.sleep(sleep);
            return x + n;
        }, Run.trials(trials));
        System.out.println("DONE");
        study.storage().close();
    }
}
