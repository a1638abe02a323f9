package org.tunebook.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.tunebook.Study;
import org.tunebook.importance.FanovaEvaluator;
import org.tunebook.importance.Importance;
import org.tunebook.plots.PlotKind;
import org.tunebook.plots.PlotOptions;
import org.tunebook.plots.Plots;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tunebook plot}: draws one of a stored study's plots into a PNG or SVG file. */
@Command(name = "plot",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Draws a plot of a stored study into a PNG or SVG file (by the --out file's extension).",
            "KIND is one of: history (the objective of every trial and the best so far), importance (parameter"
                + " importances, fANOVA), contour (the objective over a pair of parameters), parallel (parallel"
                + " coordinates), slice (the objective against each parameter), edf (empirical distribution of the"
                + " objective), intermediate (learning curves, pruned trials marked), pareto (Pareto front of a study"
                + " with several objectives), timeline (trials by state over time), rank (pairs of parameters colored"
                + " by rank). Optuna's names (optimization_history, param_importances, …) work too.",
            "A contour without --params shows the two most important parameters; contour, slice and rank with"
                + " several --params draw one panel per parameter or pair.",
            "Exit code 2 for an unknown kind or parameter, a file that is neither .png nor .svg, or a contour of"
                + " fewer than two parameters; 1 for an unknown study (the storage's studies are listed)."})
final class PlotCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "KIND", description = "The plot: history, importance, contour, parallel,"
            + " slice, edf, intermediate, pareto, timeline or rank.")
    String kindName;

    @Mixin
    StudyOption study;

    @Mixin
    StorageOption storage;

    @Option(names = "--out", paramLabel = "FILE", required = true,
            description = "The file to write, FILE.png or FILE.svg; replaced if it exists, folders made as needed.")
    Path out;

    @Option(names = "--params", paramLabel = "NAME", split = ",", splitSynopsisLabel = ",",
            description = "The parameters to show (default: all, or for a contour the two most important).")
    List<String> params;

    @Option(names = "--width", paramLabel = "W", description = "Width in pixels of the chart, or of each panel"
            + " (default: " + PlotOptions.WIDTH + ", smaller for panels).")
    Integer width;

    @Option(names = "--height", paramLabel = "H", description = "Height in pixels of the chart, or of each panel"
            + " (default: " + PlotOptions.HEIGHT + ", smaller for panels).")
    Integer height;

    @Option(names = "--objective", paramLabel = "N", defaultValue = "0",
            description = "Which objective of a study with several to show, from 0 (default: ${DEFAULT-VALUE}).")
    int objective;

    @Option(names = "--title", paramLabel = "TEXT", description = "A title instead of the plot's own.")
    String title;

    @Override
    public Integer call() {
        PlotKind kind = kind(kindName);
        String format = format(out);
        PlotOptions options = baseOptions();
        PrintWriter stdout = spec.commandLine().getOut();
        Study s = Stores.load(study.name, storage.url);
        try {
            if (objective >= s.directions().size()) {
                throw new UsageError("--objective " + objective + ": study '" + s.name() + "' has "
                        + (s.directions().size() == 1 ? "one objective, number 0"
                                : s.directions().size() + " objectives, 0 to " + (s.directions().size() - 1)));
            }
            List<String> shown = params == null ? List.of() : checkedParams(s, params);
            if (kind == PlotKind.CONTOUR) {
                shown = contourParams(s, shown, stdout);
            }
            if (!shown.isEmpty()) {
                options = options.params(shown.toArray(String[]::new));
            }
            Path written;
            try {
                written = Plots.render(kind, s, options, out);
            } catch (UncheckedIOException e) {
                throw new CliException(e.getMessage(), e);
            } catch (IllegalArgumentException e) {
                throw new CliException("cannot draw the " + kind.shortName() + " plot of study '" + s.name() + "': "
                        + e.getMessage(), e);
            }
            stdout.println("wrote the " + kind.shortName() + " plot of study '" + s.name() + "' (" + s.trials().size()
                    + " trials) to " + written + " (" + format + ")");
            stdout.flush();
        } finally {
            Stores.close(s.storage());
        }
        return 0;
    }

    /** The kind named on the command line, or a usage error listing the kinds and the nearest name. */
    static PlotKind kind(String name) {
        try {
            return PlotKind.parse(name);
        } catch (IllegalArgumentException e) {
            List<String> kinds = Arrays.stream(PlotKind.values()).map(PlotKind::shortName).toList();
            throw new UsageError(Names.unknown(name, kinds, "plot kind", "kinds"));
        }
    }

    /** PNG or SVG, from the file's extension; anything else is a usage error. */
    static String format(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".png")) {
            return "PNG";
        }
        if (lower.endsWith(".svg")) {
            return "SVG";
        }
        int dot = name.lastIndexOf('.');
        throw new UsageError("--out " + file + ": " + (dot < 0 ? "no file extension" : "unsupported file type '"
                + name.substring(dot) + "'") + "; plots are written as PNG or SVG: name the file FILE.png or FILE.svg");
    }

    private PlotOptions baseOptions() {
        PlotOptions options = PlotOptions.defaults();
        try {
            if (width != null || height != null) {
                options = options.size(width != null ? width : PlotOptions.WIDTH,
                        height != null ? height : PlotOptions.HEIGHT);
            }
            options = options.objective(objective);
        } catch (IllegalArgumentException e) {
            throw new UsageError("--width/--height: " + e.getMessage());
        }
        return title == null ? options : options.title(title);
    }

    /** The parameters the study's trials have, by name. */
    private static List<String> studyParams(Study s) {
        return List.copyOf(new TreeSet<>(s.parameterDistributions().keySet()));
    }

    private static List<String> checkedParams(Study s, List<String> names) {
        List<String> known = studyParams(s);
        List<String> checked = new ArrayList<>();
        for (String name : names) {
            if (!known.contains(name)) {
                throw new UsageError(known.isEmpty() ? "--params " + name + ": study '" + s.name() + "' has no"
                        + " parameters yet" : Names.unknown(name, known, "parameter", "parameters of study '"
                        + s.name() + "'"));
            }
            if (!checked.contains(name)) {
                checked.add(name);
            }
        }
        return checked;
    }

    /**
     * A contour needs two parameters: those given (at least two), else the study's two, else its two most
     * important ones (fANOVA on the chosen objective), which a note names.
     */
    private List<String> contourParams(Study s, List<String> given, PrintWriter stdout) {
        if (given.size() == 1) {
            throw new UsageError("a contour needs two parameters and --params names one ('" + given.get(0)
                    + "'); pass two, e.g. --params " + given.get(0) + "," + studyParams(s).stream()
                            .filter(p -> !p.equals(given.get(0))).findFirst().orElse("OTHER"));
        }
        if (!given.isEmpty()) {
            return given;
        }
        List<String> all = studyParams(s);
        if (all.size() < 2) {
            throw new UsageError("a contour needs two parameters and study '" + s.name() + "' has "
                    + (all.isEmpty() ? "none" : "only one ('" + all.get(0) + "')") + "; try the slice plot");
        }
        if (all.size() == 2) {
            return all;
        }
        List<String> pair;
        String why;
        try {
            Map<String, Double> importances = Importance.of(s, objective, new FanovaEvaluator());
            pair = List.copyOf(importances.keySet()).subList(0, 2);
            why = "the two most important (fANOVA)";
        } catch (IllegalArgumentException e) {
            pair = all.subList(0, 2);
            why = "the first two by name, since importances cannot be computed (" + e.getMessage() + ")";
        }
        stdout.println("contour of '" + pair.get(0) + "' and '" + pair.get(1) + "', " + why + " of the study's "
                + all.size() + " parameters; pass --params A,B for another pair");
        return pair;
    }
}
