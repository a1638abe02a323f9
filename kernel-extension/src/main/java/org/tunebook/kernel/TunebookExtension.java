package org.tunebook.kernel;

import java.util.List;
import java.util.Map;
import org.dflib.jjava.jupyter.Extension;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.knowm.xchart.internal.chartpart.Chart;
import org.tunebook.FrozenTrial;
import org.tunebook.Progress;
import org.tunebook.Space;
import org.tunebook.Study;
import org.tunebook.StudyRun;
import org.tunebook.TrialsTable;

/**
 * tunebook as a JJava extension: in a JJava kernel, {@code %maven org.tunebook:tunebook-kernel:VERSION} (or the
 * jar on the kernel's class path) loads it through {@code META-INF/services/org.dflib.jjava.jupyter.Extension}, and
 * it registers the {@code %tune} line magic, the {@code %%tune} cell magic, and renderers that show studies,
 * trials tables, runs and charts as HTML tables and PNG images. Notebook variables are read by evaluating their
 * names in the kernel.
 */
public final class TunebookExtension implements Extension {

    private static final String[] MIME_TYPES = {"text/plain", "text/html", "image/png"};

    private TuneBridge bridge;

    @Override
    public void install(BaseKernel kernel) {
        bridge = new TuneBridge(kernel::evalRaw, (bundle, id) -> kernel.display(data(bundle, id)),
                (bundle, id) -> kernel.getIO().display.updateDisplay(id, data(bundle, null)));
        TuneBridge magics = bridge;
        kernel.getMagicsRegistry().registerLineMagic("tune", (k, args) -> {
            magics.line(args);
            return null;
        });
        kernel.getMagicsRegistry().registerCellMagic("tune", (k, args, body) -> {
            magics.cell(args, body);
            return null;
        });
        Renderer renderer = kernel.getRenderer();
        for (Class<?> type : List.of(Study.class, StudyRun.class, Progress.class, TrialsTable.class,
                FrozenTrial.class, Space.class, Chart.class)) {
            register(renderer, type);
        }
    }

    private static <T> void register(Renderer renderer, Class<T> type) {
        renderer.createRegistration(type).preferring(MIME_TYPES).supporting(MIME_TYPES).register((value, context) ->
                TuneBridge.render(value).ifPresent(bundle -> bundle.forEach(context.getOutputContainer()::putData)));
    }

    /** Stops the background runs the magics started. */
    @Override
    public void uninstall(BaseKernel kernel) {
        if (bridge != null) {
            bridge.close();
        }
    }

    static DisplayData data(Map<String, String> bundle, String displayId) {
        DisplayData data = new DisplayData();
        bundle.forEach(data::putData);
        if (displayId != null) {
            data.setDisplayId(displayId);
        }
        return data;
    }
}
