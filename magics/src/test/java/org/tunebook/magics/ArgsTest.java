package org.tunebook.magics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ArgsTest {

    private static final CommandSpec SPEC = CommandSpec.line("run", "run trials")
            .positional("NAME", "the study")
            .requiredOption("objective", "VAR", "the objective")
            .option("trials", "N", "how many")
            .option("timeout", "D", "how long")
            .flag("background", "in the background");

    private static Args parse(String line) {
        return Args.parse(SPEC, Tokenizer.split(line));
    }

    @Test
    void readsPositionalsOptionsAndFlags() {
        Args args = parse("rf --objective f --trials 20 --background --timeout=5m");
        assertThat(args.positional(0)).isEqualTo("rf");
        assertThat(args.option("objective")).contains("f");
        assertThat(args.intOption("trials", 0)).contains(20);
        assertThat(args.durationOption("timeout")).contains(Duration.ofMinutes(5));
        assertThat(args.flag("background")).isTrue();
        assertThat(args.positional(1)).isNull();
    }

    @Test
    void absentOptionsAreEmpty() {
        Args args = parse("rf --objective f");
        assertThat(args.intOption("trials", 0)).isEmpty();
        assertThat(args.flag("background")).isFalse();
    }

    @Test
    void unknownOptionNamesTheCommandSuggestsAndShowsUsage() {
        assertThatThrownBy(() -> parse("rf --objective f --trails 3"))
                .isInstanceOf(MagicException.class)
                .hasMessageContaining("unknown option --trails for %tune run (did you mean --trials?)")
                .hasMessageContaining("usage: %tune run NAME --objective VAR [--trials N] [--timeout D] [--background]");
    }

    @Test
    void missingValueRequiredOptionAndPositional() {
        assertThatThrownBy(() -> parse("rf --objective f --trials")).hasMessageContaining("--trials needs a value (N)");
        assertThatThrownBy(() -> parse("rf --objective --trials 3")).hasMessageContaining("--objective needs a value");
        assertThatThrownBy(() -> parse("rf --trials 3")).hasMessageContaining("%tune run needs --objective VAR");
        assertThatThrownBy(() -> parse("--objective f")).hasMessageContaining("%tune run needs NAME (the study)");
    }

    @Test
    void extraWordsFlagsWithValuesAndRepeatsAreErrors() {
        assertThatThrownBy(() -> parse("rf extra --objective f")).hasMessageContaining("unexpected 'extra'");
        assertThatThrownBy(() -> parse("rf -trials 3 --objective f"))
                .hasMessageContaining("options start with two dashes");
        assertThatThrownBy(() -> parse("rf --objective f --background=yes")).hasMessageContaining("is a flag");
        assertThatThrownBy(() -> parse("rf --objective f --objective g")).hasMessageContaining("given twice");
    }

    @Test
    void badNumbersAndDurationsSayWhatWasExpected() {
        assertThatThrownBy(() -> parse("rf --objective f --trials ten").intOption("trials", 0))
                .hasMessageContaining("--trials needs a whole number, got 'ten'");
        assertThatThrownBy(() -> parse("rf --objective f --trials -2").intOption("trials", 0))
                .hasMessageContaining("--trials must be at least 0, got -2");
        assertThatThrownBy(() -> parse("rf --objective f --timeout soon").durationOption("timeout"))
                .hasMessageContaining("--timeout: 'soon' is not a duration");
    }

    @Test
    void openOptionsAndRepeatedPositionalsAreHandedOn() {
        CommandSpec plot = CommandSpec.line("plot", "draw").positional("KIND", "k").positional("NAME", "n")
                .repeatedPositional("PARAM", "p").openOptions();
        Args args = Args.parse(plot, Tokenizer.split("contour rf lr layers --width 800"));
        assertThat(args.positionalsFrom(2)).isEqualTo(List.of("lr", "layers"));
        assertThat(args.extraOptions()).isEqualTo(Map.of("width", "800"));
        assertThat(plot.usage()).isEqualTo("%tune plot KIND NAME [PARAM…] [--OPTION VALUE…]");
    }

    @Test
    void helpListsEveryOption() {
        assertThat(SPEC.help()).contains("%tune run NAME", "--objective VAR", "the objective", "--background");
    }
}
