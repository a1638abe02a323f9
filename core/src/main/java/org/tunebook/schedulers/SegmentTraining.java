package org.tunebook.schedulers;

/** Trains one {@link Segment} of a population member: the user's code in population-based training. */
@FunctionalInterface
public interface SegmentTraining {

    /** Trains from {@code segment.start()} to {@code segment.end()}, reporting each step, and saves a checkpoint. */
    void train(Segment segment) throws Exception;
}
