package org.tunebook.magics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tunebook.Space;
import org.tunebook.distributions.CategoricalDistribution;
import org.tunebook.distributions.FloatDistribution;
import org.tunebook.distributions.IntDistribution;

class SpaceParserTest {

    private static Space parse(String body) {
        return new SpaceParser("s").parse(body);
    }

    @Test
    void readsEveryKindOfParameterInOrder() {
        Space space = parse("""
                # the network
                lr: float 1e-5..1e-1 log
                dropout: float 0.0..0.5 step 0.1
                layers: int 1..4
                units: int 32..256 step 32
                width: int 8 .. 1024 log   // spaces around the dots are fine
                act: choice relu, tanh
                """);
        assertThat(space.distributions().keySet()).containsExactly("lr", "dropout", "layers", "units", "width", "act");
        assertThat(space.distributions().get("lr")).isEqualTo(new FloatDistribution(1e-5, 1e-1, true, null));
        assertThat(space.distributions().get("dropout")).isEqualTo(new FloatDistribution(0.0, 0.5, false, 0.1));
        assertThat(space.distributions().get("layers")).isEqualTo(new IntDistribution(1, 4, false, 1));
        assertThat(space.distributions().get("units")).isEqualTo(new IntDistribution(32, 256, false, 32));
        assertThat(space.distributions().get("width")).isEqualTo(new IntDistribution(8, 1024, true, 1));
        assertThat(space.distributions().get("act")).isEqualTo(new CategoricalDistribution(List.of("relu", "tanh")));
    }

    @Test
    void choicesAreTypedUnlessQuoted() {
        assertThat(SpaceParser.choices("1, 2.5, true, adam, \"3\", 'a, b' , -4, 1e-3"))
                .containsExactly(1, 2.5, true, "adam", "3", "a, b", -4, 1e-3);
    }

    @Test
    void errorsNameTheSpaceTheLineAndTheProblem() {
        assertThatThrownBy(() -> parse("lr: float 1e-5..1e-1 log\nunits: int 32..256 step"))
                .isInstanceOf(MagicException.class)
                .hasMessage("space 's', line 2 (units: int 32..256 step): 'step' needs a number after it");
        assertThatThrownBy(() -> parse("lr float 0..1")).hasMessageContaining("line 1").hasMessageContaining(
                "expected NAME: TYPE");
        assertThatThrownBy(() -> parse("lr: decimal 0..1")).hasMessageContaining("unknown type 'decimal'");
        assertThatThrownBy(() -> parse("n: int 1.5..4")).hasMessageContaining("'1.5' is not a whole number");
        assertThatThrownBy(() -> parse("x: float 1..0")).hasMessageContaining("low > high");
        assertThatThrownBy(() -> parse("x: float 0..1 log")).hasMessageContaining("low > 0");
        assertThatThrownBy(() -> parse("x: float 1..2 log step 0.1")).hasMessageContaining("both 'log' and 'step'");
        assertThatThrownBy(() -> parse("x: float 0..1 fast")).hasMessageContaining("unexpected 'fast'");
        assertThatThrownBy(() -> parse("x: float 0.5")).hasMessageContaining("needs a range LOW..HIGH");
        assertThatThrownBy(() -> parse("x: choice")).hasMessageContaining("choice needs values");
        assertThatThrownBy(() -> parse("x: choice a,,b")).hasMessageContaining("empty choice");
        assertThatThrownBy(() -> parse("x: int 1..2\nx: int 1..3")).hasMessageContaining("line 2")
                .hasMessageContaining("declared twice");
        assertThatThrownBy(() -> parse("my lr: float 0..1")).hasMessageContaining("must be one word");
    }

    @Test
    void anEmptyBodyIsAnErrorThatShowsTheSyntax() {
        assertThatThrownBy(() -> parse("# nothing\n\n")).hasMessageContaining("declares no parameter")
                .hasMessageContaining("lr: float 1e-5..1e-1 log");
    }
}
