package org.tunebook.magics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The words of one command line, checked against its {@link CommandSpec}, with typed access. */
final class Args {

    private final CommandSpec spec;
    private final List<String> positionals;
    private final Map<String, String> options;
    private final Map<String, String> extraOptions;

    private Args(CommandSpec spec, List<String> positionals, Map<String, String> options,
            Map<String, String> extraOptions) {
        this.spec = spec;
        this.positionals = positionals;
        this.options = options;
        this.extraOptions = extraOptions;
    }

    /** Parses the words after the command's name. */
    static Args parse(CommandSpec spec, List<String> words) {
        List<String> positionals = new ArrayList<>();
        Map<String, String> options = new LinkedHashMap<>();
        Map<String, String> extra = new LinkedHashMap<>();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (!word.startsWith("--") || word.length() == 2) {
                positionals.add(word);
                continue;
            }
            String name = word.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            CommandSpec.Option option = spec.options().get(name);
            if (option == null && !spec.hasOpenOptions()) {
                throw usageError(spec, "unknown option --" + name + " for %tune " + spec.name()
                        + suggestion(name, spec));
            }
            boolean takesValue = option == null || option.takesValue();
            if (!takesValue) {
                if (value != null) {
                    throw usageError(spec, "--" + name + " is a flag and takes no value");
                }
                value = "true";
            } else if (value == null) {
                if (i + 1 >= words.size() || isOption(words.get(i + 1))) {
                    throw usageError(spec, "--" + name + " needs a value"
                            + (option == null ? "" : " (" + option.valueName() + ")"));
                }
                value = words.get(++i);
            }
            Map<String, String> target = option == null ? extra : options;
            if (target.put(name, value) != null) {
                throw usageError(spec, "--" + name + " is given twice");
            }
        }
        checkPositionals(spec, positionals);
        for (CommandSpec.Option option : spec.options().values()) {
            if (option.required() && !options.containsKey(option.name())) {
                throw usageError(spec, "%tune " + spec.name() + " needs --" + option.name() + " "
                        + option.valueName());
            }
        }
        return new Args(spec, positionals, options, extra);
    }

    private static boolean isOption(String word) {
        return word.startsWith("--") && word.length() > 2;
    }

    private static void checkPositionals(CommandSpec spec, List<String> given) {
        List<CommandSpec.Positional> declared = spec.positionals();
        long required = declared.stream().filter(CommandSpec.Positional::required).count();
        boolean repeated = !declared.isEmpty() && declared.get(declared.size() - 1).repeated();
        if (given.size() < required) {
            CommandSpec.Positional missing = declared.get(given.size());
            throw usageError(spec, "%tune " + spec.name() + " needs " + missing.name() + " (" + missing.help() + ")");
        }
        if (!repeated && given.size() > declared.size()) {
            String first = given.get(declared.size());
            throw usageError(spec, "unexpected '" + first + "' after %tune " + spec.name()
                    + (first.startsWith("-") ? "; options start with two dashes" : ""));
        }
    }

    private static String suggestion(String name, CommandSpec spec) {
        for (String known : spec.options().keySet()) {
            if (known.startsWith(name) || name.startsWith(known) || Names.distance(known, name) <= 2) {
                return " (did you mean --" + known + "?)";
            }
        }
        return "";
    }

    static MagicException usageError(CommandSpec spec, String message) {
        return new MagicException(message + "\nusage: " + spec.usage());
    }

    MagicException error(String message) {
        return usageError(spec, message);
    }

    /** Positional word {@code i}, or null when it was not given. */
    String positional(int i) {
        return i < positionals.size() ? positionals.get(i) : null;
    }

    /** The positional words from {@code i} on. */
    List<String> positionalsFrom(int i) {
        return i >= positionals.size() ? List.of() : List.copyOf(positionals.subList(i, positionals.size()));
    }

    Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name));
    }

    boolean flag(String name) {
        return options.containsKey(name);
    }

    /** Options given that the spec does not declare (only for specs with open options). */
    Map<String, String> extraOptions() {
        return extraOptions;
    }

    /** An integer option, at least {@code min}. */
    Optional<Integer> intOption(String name, int min) {
        return option(name).map(text -> {
            int value;
            try {
                value = Integer.parseInt(text.replace("_", ""));
            } catch (NumberFormatException e) {
                throw error("--" + name + " needs a whole number, got '" + text + "'");
            }
            if (value < min) {
                throw error("--" + name + " must be at least " + min + ", got " + value);
            }
            return value;
        });
    }

    /** A long option (seeds). */
    Optional<Long> longOption(String name) {
        return option(name).map(text -> {
            try {
                return Long.parseLong(text.replace("_", ""));
            } catch (NumberFormatException e) {
                throw error("--" + name + " needs a whole number, got '" + text + "'");
            }
        });
    }

    /** A duration option such as {@code 30s}, {@code 5m}, {@code 1h30m}. */
    Optional<Duration> durationOption(String name) {
        return option(name).map(text -> {
            try {
                return Durations.parse(text);
            } catch (IllegalArgumentException e) {
                throw error("--" + name + ": " + e.getMessage());
            }
        });
    }
}
