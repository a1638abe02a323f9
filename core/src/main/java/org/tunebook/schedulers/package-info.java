/**
 * Schedulers that decide more than "stop or go on": population-based training.
 *
 * <p>Pruners ({@link org.tunebook.pruners}) answer one question about one trial. Population-based training also
 * chooses configurations and moves model state between trials, so it lives here, as a scheduler that drives a
 * study itself: {@link org.tunebook.schedulers.PopulationBasedTraining#run} trains a population in segments, one
 * trial per segment, and {@link org.tunebook.schedulers.PbtSchedule} reads back what it did.
 *
 * <pre>{@code
 * Study study = Tune.study().name("pbt").storage("sqlite:pbt.db").direction(Direction.MAXIMIZE).create();
 * PopulationBasedTraining pbt = PopulationBasedTraining.builder()
 *         .population(8).steps(40).perturbationInterval(5).mutate("lr").jobs(4).build();
 * PbtSchedule schedule = pbt.run(study, segment -> {
 *     double lr = segment.trial().suggestFloat("lr", 1e-4, 1e-1, Scale.LOG);
 *     double[] w = segment.restoreArrays().map(a -> a[0]).orElseGet(() -> new double[10]);
 *     for (int step = segment.start(); step < segment.end(); step++) {
 *         segment.trial().report(trainEpoch(w, lr), step);
 *     }
 *     segment.saveArrays(w);
 * });
 * schedule.exploits().forEach(System.out::println);
 * double[] best = pbt.checkpoint(study, study.bestTrial().number()).map(...).orElseThrow();
 * }</pre>
 *
 * <p>Why segments as trials: a tunebook trial's parameters are fixed once suggested, as in Optuna, and a stored
 * trial should say truthfully what it trained with. Ray Tune restarts a trainable with a new configuration on
 * every exploit; here each restart is a new trial, linked to its member, its previous segment and the checkpoint
 * it continued from by system attributes ({@code pbt:*}). The study then holds the full schedule, can be resumed
 * from its database, plotted, and opened by Optuna.
 */
package org.tunebook.schedulers;
