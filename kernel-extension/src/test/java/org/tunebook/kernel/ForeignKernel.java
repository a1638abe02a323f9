package org.tunebook.kernel;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.BaseKernelBuilder;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.JupyterIO;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.history.HistoryManager;
import org.dflib.jjava.jupyter.kernel.magic.MagicParser;
import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;
import org.dflib.jjava.jupyter.kernel.util.StringStyler;

/**
 * A JJava-like kernel for tests: a real {@link BaseKernel} of jjava-jupyter 1.0-a6 with extensions enabled, whose
 * notebook variables live in a map (evaluating a name returns its value, an unknown name fails as a compile error
 * would) and whose displays are recorded.
 */
final class ForeignKernel extends BaseKernel {

    final Map<String, Object> variables = new ConcurrentHashMap<>();
    final List<DisplayData> displayed = new CopyOnWriteArrayList<>();

    private ForeignKernel(String name, String version, HistoryManager history, JupyterIO io, CommManager comms,
            Renderer renderer, MagicParser parser, MagicsRegistry magics, StringStyler errors) {
        super(name, version, new LanguageInfo("Java", "17", "text/x-java-source", ".jshell", "java", "java", "script"),
                List.of(), history, io, comms, renderer, parser, magics, true, errors);
    }

    static ForeignKernel create() {
        return new Builder().name("foreign").version("1").build();
    }

    /** What a JJava kernel does at startup: installs the extensions its class loader's service files name. */
    void loadExtensions() {
        installExtensions(getClass().getClassLoader());
    }

    /** Removes the extensions, as a kernel does at shutdown. */
    void unloadExtensions() {
        uninstallExtension();
    }

    @Override
    public Object evalRaw(String code) {
        Object value = variables.get(code.strip());
        if (value == null) {
            throw new IllegalStateException("cannot find symbol: variable " + code.strip());
        }
        return value;
    }

    @Override
    public void display(DisplayData data) {
        displayed.add(data);
    }

    @Override
    public DisplayData inspect(String code, int at, boolean extraDetail) {
        return null;
    }

    @Override
    public ReplacementOptions complete(String code, int at) {
        return null;
    }

    @Override
    public String isComplete(String code) {
        return IS_COMPLETE_YES;
    }

    private static final class Builder extends BaseKernelBuilder<Builder, ForeignKernel> {
        @Override
        public ForeignKernel build() {
            return new ForeignKernel(buildName(), buildVersion(), buildHistoryManager(),
                    buildJupyterIO(buildJupyterIOEncoding()), buildCommManager(), buildRenderer(),
                    new MagicParser("(?<=(?:^|=))\\s*%", "%%", buildMagicTranspiler()), buildMagicsRegistry(),
                    buildErrorStyler());
        }
    }
}
