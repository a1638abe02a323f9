package org.tunebook.magics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shape of one {@code %tune} command: its positional words, its options and their help, from which the
 * usage line and the help text are made and against which a line is checked.
 */
final class CommandSpec {

    /** One {@code --name [VALUE]} option. */
    record Option(String name, String valueName, boolean required, String help) {
        boolean takesValue() {
            return valueName != null;
        }

        String usage() {
            String text = "--" + name + (takesValue() ? " " + valueName : "");
            return required ? text : "[" + text + "]";
        }
    }

    /** One positional word. */
    record Positional(String name, boolean required, boolean repeated, String help) {
        String usage() {
            String text = name + (repeated ? "…" : "");
            return required ? text : "[" + text + "]";
        }
    }

    private final String name;
    private final String summary;
    private final boolean cell;
    private final List<Positional> positionals = new ArrayList<>();
    private final Map<String, Option> options = new LinkedHashMap<>();
    private boolean openOptions;
    private final List<String> notes = new ArrayList<>();

    private CommandSpec(String name, String summary, boolean cell) {
        this.name = name;
        this.summary = summary;
        this.cell = cell;
    }

    static CommandSpec line(String name, String summary) {
        return new CommandSpec(name, summary, false);
    }

    static CommandSpec cell(String name, String summary) {
        return new CommandSpec(name, summary, true);
    }

    CommandSpec positional(String word, String help) {
        positionals.add(new Positional(word, true, false, help));
        return this;
    }

    CommandSpec optionalPositional(String word, String help) {
        positionals.add(new Positional(word, false, false, help));
        return this;
    }

    CommandSpec repeatedPositional(String word, String help) {
        positionals.add(new Positional(word, false, true, help));
        return this;
    }

    CommandSpec option(String option, String valueName, String help) {
        options.put(option, new Option(option, valueName, false, help));
        return this;
    }

    CommandSpec requiredOption(String option, String valueName, String help) {
        options.put(option, new Option(option, valueName, true, help));
        return this;
    }

    CommandSpec flag(String option, String help) {
        options.put(option, new Option(option, null, false, help));
        return this;
    }

    /** Accepts {@code --name value} options beyond the declared ones (handed on, as for plot options). */
    CommandSpec openOptions() {
        this.openOptions = true;
        return this;
    }

    CommandSpec note(String text) {
        notes.add(text);
        return this;
    }

    String name() {
        return name;
    }

    String summary() {
        return summary;
    }

    boolean isCell() {
        return cell;
    }

    List<Positional> positionals() {
        return positionals;
    }

    Map<String, Option> options() {
        return options;
    }

    boolean hasOpenOptions() {
        return openOptions;
    }

    /** The usage line, e.g. {@code %tune run NAME --objective VAR [--trials N]}. */
    String usage() {
        StringBuilder s = new StringBuilder(cell ? "%%tune " : "%tune ").append(name);
        positionals.forEach(p -> s.append(' ').append(p.usage()));
        options.values().forEach(o -> s.append(' ').append(o.usage()));
        if (openOptions) {
            s.append(" [--OPTION VALUE…]");
        }
        return s.toString();
    }

    /** The full help: usage, summary, one line per word and option, notes. */
    String help() {
        StringBuilder s = new StringBuilder(usage()).append("\n  ").append(summary).append('\n');
        for (Positional p : positionals) {
            s.append(String.format("  %-22s %s%n", p.name() + (p.repeated() ? "…" : ""), p.help()));
        }
        for (Option o : options.values()) {
            String left = "--" + o.name() + (o.takesValue() ? " " + o.valueName() : "");
            s.append(String.format("  %-22s %s%n", left, o.help()));
        }
        notes.forEach(n -> s.append("  ").append(n).append('\n'));
        return s.toString().stripTrailing();
    }
}
