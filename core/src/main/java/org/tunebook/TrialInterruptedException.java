package org.tunebook;

/** Thrown inside a trial whose thread was interrupted (a timeout or a stop); the trial then fails. */
final class TrialInterruptedException extends RuntimeException {

    TrialInterruptedException() {
        super("the trial's thread was interrupted");
    }
}
