package org.tunebook.magics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tunebook.Space;

/** Help, unknown commands, line versus cell magics, spaces and plots. */
class MagicsLanguageTest {

    private final Notebook nb = new Notebook();

    @AfterEach
    void close() {
        nb.close();
    }

    @Test
    void helpListsEveryCommandWithItsUsage() {
        String help = nb.line("help").lastText();
        for (String command : List.of("new", "run", "status", "best", "trials", "plot", "stop", "studies", "load",
                "export", "help")) {
            assertThat(help).contains("%tune " + command);
        }
        assertThat(help).contains("%%tune space NAME");
        assertThat(nb.line("").lastText()).isEqualTo(help);
        assertThat(nb.magics.commands()).contains("new", "run", "space", "help");
    }

    @Test
    void helpOfOneCommandExplainsItsOptions() {
        String help = nb.line("help run").lastText();
        assertThat(help).startsWith("%tune run NAME --objective VAR").contains("--timeout D", "30s, 5m, 1h30m",
                "--background");
        assertThat(nb.line("run --help").lastText()).isEqualTo(help);
        assertThat(nb.line("help space").lastText()).contains("lr: float 1e-5..1e-1 log");
        assertThatThrownBy(() -> nb.line("help nothing")).hasMessageContaining("unknown command 'nothing'");
    }

    @Test
    void unknownCommandsGetAHintAndTheListOfCommands() {
        assertThatThrownBy(() -> nb.line("stauts")).isInstanceOf(MagicException.class)
                .hasMessage("unknown command 'stauts' (did you mean status?); commands: new, space, run, status, best,"
                        + " trials, plot, stop, studies, load, export, help; %tune help explains them");
    }

    @Test
    void spaceIsACellMagicAndOthersAreLineMagics() {
        assertThatThrownBy(() -> nb.line("space s")).hasMessageStartingWith("space is a cell magic: start a cell"
                + " with %%tune space NAME");
        assertThatThrownBy(() -> nb.cell("status", "x: int 1..2")).hasMessageStartingWith(
                "%%tune status takes no cell body");
        assertThatThrownBy(() -> nb.cell("space s", "  ")).hasMessageContaining("needs a cell body");
    }

    @Test
    void aSpaceCellIsKeptByNameAndShownAsATable() {
        RecordingDisplay out = nb.cell("space net", "lr: float 1e-5..1e-1 log\nunits: int 32..256 step 32\n"
                + "act: choice relu, tanh");
        Space space = nb.magics.space("net").orElseThrow();
        assertThat(space.distributions().keySet()).containsExactly("lr", "units", "act");
        String text = out.lastText();
        assertThat(text).startsWith("space 'net': 3 parameters");
        assertThat(text).containsPattern("lr\\s+float\\s+1e-5 \\.\\. 0\\.1\\s+log");
        assertThat(text).containsPattern("units\\s+int\\s+32 \\.\\. 256\\s+step 32");
        assertThat(text).containsPattern("act\\s+choice\\s+relu, tanh");
        assertThat(nb.magics.space("other")).isEmpty();
    }

    @Test
    void aSpaceVariableWorksWhereASpaceNameDoes() {
        nb.variables.put("sv", Space.builder().intRange("k", 1, 3).build());
        nb.variables.put("f", (org.tunebook.SpaceObjective) p -> p.getInt("k"));
        nb.variables.put("notASpace", 42);
        String name = Notebook.unique("sv");
        nb.line("new " + name);
        nb.line("run " + name + " --objective f --space sv --trials 2");
        assertThat(nb.magics.study(name).orElseThrow().trials()).hasSize(2);
        assertThatThrownBy(() -> nb.line("run " + name + " --objective f --space notASpace --trials 2"))
                .hasMessageContaining("variable 'notASpace' is a java.lang.Integer, not a Space");
    }

    @Test
    void plotSaysPlotsAreNotAvailableYetWithoutAPlotter() {
        String name = Notebook.unique("p");
        nb.line("new " + name);
        assertThatThrownBy(() -> nb.line("plot history " + name)).isInstanceOf(MagicException.class)
                .hasMessage("plots are not available yet in this build of tunebook; %tune trials " + name
                        + " shows the trials as a table meanwhile");
        assertThatThrownBy(() -> nb.line("plot histroy " + name)).hasMessageContaining(
                "unknown plot kind 'histroy' (did you mean history?); kinds: history, importance, contour");
        assertThatThrownBy(() -> nb.line("plot history nowhere")).hasMessageContaining("no study 'nowhere'");
    }

    @Test
    void plotHandsKindStudyParametersAndOptionsToThePlotter() {
        List<PlotRequest> requests = new ArrayList<>();
        Plotter fake = new Plotter() {
            @Override
            public Set<String> kinds() {
                return Set.of("history", "contour");
            }

            @Override
            public Output plot(PlotRequest request) {
                requests.add(request);
                return Output.png(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, request.kind() + " of " + request.study().name());
            }
        };
        try (Notebook withPlots = new Notebook(fake)) {
            String name = Notebook.unique("drawn");
            withPlots.variables.put("f", (org.tunebook.Objective) t -> t.suggestFloat("lr", 0, 1) + t.suggestInt("layers", 1, 3));
            withPlots.line("new " + name);
            withPlots.line("run " + name + " --objective f --trials 3");
            Output out = withPlots.line("plot contour " + name + " lr layers --width 800").shown.get(0);
            assertThat(out.png()).isPresent();
            assertThat(out.mimeBundle()).containsKeys("text/plain", "image/png");
            PlotRequest r = requests.get(0);
            assertThat(r.kind()).isEqualTo("contour");
            assertThat(r.study().name()).isEqualTo(name);
            assertThat(r.params()).containsExactly("lr", "layers");
            assertThat(r.options()).isEqualTo(Map.of("width", "800"));
            assertThatThrownBy(() -> withPlots.line("plot slice " + name)).hasMessage(
                    "the slice plot is not available yet; available now: history, contour");
        }
    }

    @Test
    void engineErrorsBecomeShortMessagesNamingTheCommand() {
        assertThatThrownBy(() -> nb.line("new x --storage nosuch:thing")).isInstanceOf(MagicException.class)
                .hasMessageStartingWith("%tune new: storage URL 'nosuch:thing' is not understood");
    }
}
