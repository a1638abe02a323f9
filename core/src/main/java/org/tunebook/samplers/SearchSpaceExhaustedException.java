package org.tunebook.samplers;

/** A sampler has proposed every point of a finite search space (a grid, say): the study is done. */
public class SearchSpaceExhaustedException extends RuntimeException {

    /** An exception carrying the complete, user-facing message. */
    public SearchSpaceExhaustedException(String message) {
        super(message);
    }
}
