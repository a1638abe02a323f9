// tunebook's JShell startup script: the API imported, as the notebook kernel has it.
// Use it with tunebook's jars on the class path:
//   jshell --class-path "kernel-extension/target/tunebook-kernel.jar:kernel-extension/target/lib/*" \
//          --startup DEFAULT --startup install/tunebook-startup.jsh
import java.util.*;
import java.time.Duration;
import org.tunebook.*;
import org.tunebook.samplers.*;
import org.tunebook.pruners.*;
import org.tunebook.storage.*;
import org.tunebook.distributions.*;
import org.tunebook.plots.*;
// Plots outside a notebook: to a file, Plots.render(PlotKind.HISTORY, study, java.nio.file.Path.of("history.png"))
// (or .svg); in a window, new org.knowm.xchart.SwingWrapper<>(OptimizationHistoryPlot.chart(study)).displayChart()
// (on a machine with a display: start jshell with -R-Djava.awt.headless=false).
