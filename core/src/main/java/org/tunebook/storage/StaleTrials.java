package org.tunebook.storage;

/** The words storages use when they fail a trial whose worker stopped sending heartbeats. */
final class StaleTrials {

    private StaleTrials() {
    }

    static String reason(Object lastHeartbeat) {
        return "the trial's worker stopped sending heartbeats (last at " + lastHeartbeat
                + "); it was probably killed or lost its machine";
    }
}
