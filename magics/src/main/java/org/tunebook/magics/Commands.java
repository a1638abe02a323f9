package org.tunebook.magics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code %tune} commands by name, in the order help lists them. */
final class Commands {

    private final Map<String, Command> byName = new LinkedHashMap<>();

    Commands() {
        for (Command c : List.of(new NewCommand(), new SpaceCommand(), new RunCommand(), new StatusCommand(),
                new BestCommand(), new TrialsCommand(), new PlotCommand(), new StopCommand(), new StudiesCommand(),
                new LoadCommand(), new ExportCommand(), new HelpCommand(this))) {
            byName.put(c.spec().name(), c);
        }
    }

    /**
     * A command by name.
     *
     * @throws MagicException naming the commands there are, when there is no such command
     */
    Command get(String name) {
        Command c = byName.get(name);
        if (c == null) {
            String hint = Names.closest(name, byName.keySet()).map(n -> " (did you mean " + n + "?)").orElse("");
            throw new MagicException("unknown command '" + name + "'" + hint + "; commands: "
                    + String.join(", ", byName.keySet()) + "; %tune help explains them");
        }
        return c;
    }

    List<String> names() {
        return new ArrayList<>(byName.keySet());
    }

    /** One usage line and summary per command. */
    String overview() {
        StringBuilder s = new StringBuilder("tunebook magics: %tune COMMAND … (line) and %%tune space NAME (cell)\n\n");
        for (Command c : byName.values()) {
            s.append(c.spec().usage()).append("\n    ").append(c.spec().summary()).append('\n');
        }
        return s.append("\n%tune help COMMAND shows a command's options.").toString();
    }
}
