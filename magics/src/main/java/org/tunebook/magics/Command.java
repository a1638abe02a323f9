package org.tunebook.magics;

/** One {@code %tune} command: its shape, and what it does. */
interface Command {

    /** The command's name, options and help. */
    CommandSpec spec();

    /**
     * Carries the command out.
     *
     * @param body the cell's body for a cell command ({@code %%tune space}), else null
     * @throws MagicException with a message for the user when it cannot
     */
    void execute(Args args, String body, Session session, Display display);
}
