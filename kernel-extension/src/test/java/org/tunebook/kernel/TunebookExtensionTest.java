package org.tunebook.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.dflib.jjava.jupyter.Extension;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.junit.jupiter.api.Test;
import org.tunebook.Objective;
import org.tunebook.SpaceObjective;
import org.tunebook.Study;
import org.tunebook.Tune;
import org.tunebook.magics.MagicException;
import org.tunebook.plots.OptimizationHistoryPlot;

/** tunebook loaded into another kernel: as a JJava extension through its service file, and through TuneBridge. */
class TunebookExtensionTest {

    private static BufferedImage png(Object base64) throws Exception {
        return ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode((String) base64)));
    }

    private static String text(DisplayData d) {
        return String.valueOf(d.getData(MIMEType.TEXT_PLAIN));
    }

    @Test
    void theServiceFileNamesTheExtension() {
        List<String> found = new ArrayList<>();
        ServiceLoader.load(Extension.class).forEach(e -> found.add(e.getClass().getName()));
        assertThat(found).contains(TunebookExtension.class.getName());
    }

    @Test
    void aJJavaKernelGetsTuneMagicsAndRenderersFromTheExtension() throws Exception {
        ForeignKernel kernel = ForeignKernel.create();
        assertThat(kernel.getMagicsRegistry().getLineMagicNames()).doesNotContain("tune");
        kernel.loadExtensions();
        assertThat(kernel.getMagicsRegistry().getLineMagicNames()).contains("tune");
        assertThat(kernel.getMagicsRegistry().getCellMagicNames()).contains("tune");
        try {
            kernel.variables.put("f", (SpaceObjective) p -> Math.pow(p.getDouble("x") - 0.3, 2));
            kernel.getMagicsRegistry().evalLineMagic(kernel, "tune", List.of("new", "ext", "--direction", "min", "--seed", "5"));
            assertThat(text(kernel.displayed.get(0))).contains("ext");
            kernel.getMagicsRegistry().evalCellMagic(kernel, "tune", List.of("space", "s"), "x: float -1..1\n");
            kernel.getMagicsRegistry().evalLineMagic(kernel, "tune",
                    List.of("run", "ext", "--objective", "f", "--space", "s", "--trials", "12"));
            kernel.displayed.clear();
            kernel.getMagicsRegistry().evalLineMagic(kernel, "tune", List.of("trials", "ext", "--top", "3"));
            assertThat((String) kernel.displayed.get(0).getData(MIMEType.TEXT_HTML)).contains("<table>", "<th>x</th>");

            // an argument with a blank and quotes reaches the magics as one word
            kernel.displayed.clear();
            kernel.getMagicsRegistry().evalLineMagic(kernel, "tune",
                    List.of("plot", "history", "ext", "--title", "Loss \"so\" far", "--width", "600"));
            DisplayData chart = kernel.displayed.get(0);
            assertThat(text(chart)).startsWith("Loss \"so\" far (600 x 500 PNG)");
            BufferedImage image = png(chart.getData(MIMEType.IMAGE_PNG));
            assertThat(image.getWidth()).isEqualTo(600);
            assertThat(image.getHeight()).isEqualTo(500);

            assertThatThrownBy(() -> kernel.getMagicsRegistry().evalLineMagic(kernel, "tune",
                    List.of("run", "ext", "--objective", "nothing")))
                    .isInstanceOf(MagicException.class).hasMessageContaining("no objective 'nothing'");

            // the kernel's renderer shows tunebook's results richly
            Study study = Tune.study().name("rendered").create();
            study.optimize(t -> t.suggestFloat("y", 0, 1), 3);
            DisplayData table = kernel.getRenderer().render(study.trialsTable());
            assertThat((String) table.getData(MIMEType.TEXT_HTML)).contains("<table>", "<th>params_y</th>");
            DisplayData picture = kernel.getRenderer().render(OptimizationHistoryPlot.chart(study));
            assertThat(png(picture.getData(MIMEType.IMAGE_PNG)).getWidth()).isEqualTo(800);
            assertThat((String) kernel.getRenderer().render(study).getData(MIMEType.TEXT_HTML)).contains("rendered");
        } finally {
            kernel.unloadExtensions();
        }
    }

    @Test
    void theBridgeAnIJavaKernelUsesShowsAndUpdatesOutputsThroughItsSinks() throws Exception {
        // what the IJava snippet of the README wires up, with lists in place of IJava's display calls
        Map<String, Object> notebook = new java.util.HashMap<>();
        List<Map<String, String>> shown = new CopyOnWriteArrayList<>();
        List<String> ids = new CopyOnWriteArrayList<>();
        List<Map<String, String>> updates = new CopyOnWriteArrayList<>();
        TuneBridge.Lookup lookup = name -> {
            if (!notebook.containsKey(name)) {
                throw new Exception("cannot find symbol: variable " + name);
            }
            return notebook.get(name);
        };
        try (TuneBridge tune = new TuneBridge(lookup, (bundle, id) -> {
            shown.add(bundle);
            ids.add(String.valueOf(id));
        }, (bundle, id) -> {
            assertThat(ids).contains(id);
            updates.add(bundle);
        })) {
            notebook.put("slow", (Objective) t -> {
                Thread.sleep(10);
                return t.suggestFloat("x", 0, 1);
            });
            tune.line(List.of("new", "bridged", "--seed", "2"));
            tune.line(List.of("run", "bridged", "--objective", "slow", "--trials", "5", "--background"));
            // the magic returned at once; the run goes on and its display is replaced until the summary
            assertThat(shown).anySatisfy(b -> assertThat(b.get("text/plain")).startsWith("running 'bridged'"));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (updates.stream().noneMatch(u -> u.get("text/plain").startsWith("'bridged' done"))
                    && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(updates).anySatisfy(u -> assertThat(u.get("text/plain")).startsWith("'bridged' done: 5/5 trials"));
            assertThat(tune.magics().study("bridged").orElseThrow().trials()).hasSize(5);
            assertThatThrownBy(() -> tune.line(List.of("run", "bridged", "--objective", "System.exit(1)")))
                    .hasMessageContaining("no objective 'System.exit(1)'");
        }
        assertThat(TuneBridge.render("just a string")).isEmpty();
        assertThat(TuneBridge.join(List.of("a", "b c", "d\"e", ""))).isEqualTo("a \"b c\" \"d\\\"e\" \"\"");
    }
}
