package org.tunebook.magics;

/** An output shown by {@link Display#showUpdatable}, which can be replaced in place. */
public interface DisplayHandle {

    /** Replaces the output shown, wherever it is (the cell that showed it may have finished long ago). */
    void update(Output output);
}
