package org.tunebook.magics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TokenizerTest {

    @Test
    void splitsOnBlanks() {
        assertThat(Tokenizer.split("  run  rf\t--trials 10 ")).containsExactly("run", "rf", "--trials", "10");
    }

    @Test
    void quotesGroupWordsAndMayBeEmpty() {
        assertThat(Tokenizer.split("export rf --csv \"my trials.csv\" ''")).containsExactly("export", "rf", "--csv",
                "my trials.csv", "");
        assertThat(Tokenizer.split("a 'b \"c\"' \"d \\\" e\"")).containsExactly("a", "b \"c\"", "d \" e");
    }

    @Test
    void backslashEscapesABlank() {
        assertThat(Tokenizer.split("load a\\ b")).containsExactly("load", "a b");
    }

    @Test
    void emptyLineHasNoWords() {
        assertThat(Tokenizer.split("   ")).isEmpty();
    }

    @Test
    void unclosedQuoteIsAnError() {
        assertThatThrownBy(() -> Tokenizer.split("export rf --csv \"x.csv"))
                .isInstanceOf(MagicException.class).hasMessageContaining("unclosed double quote");
    }
}
