package org.tunebook;

/**
 * Thrown by an objective to end its trial as {@link TrialState#PRUNED}, usually after
 * {@link Trial#shouldPrune()} returned true.
 */
public class TrialPrunedException extends RuntimeException {

    /** A pruned-trial signal without a message. */
    public TrialPrunedException() {
        super("trial pruned");
    }

    /** A pruned-trial signal saying why. */
    public TrialPrunedException(String message) {
        super(message);
    }
}
