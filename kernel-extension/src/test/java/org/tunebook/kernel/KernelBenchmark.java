package org.tunebook.kernel;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.tunebook.kernel.protocol.Execution;
import org.tunebook.kernel.protocol.JupyterClient;
import org.tunebook.kernel.protocol.JupyterClient.Channel;
import org.tunebook.kernel.protocol.KernelProcess;

/**
 * Kernel timings over the Jupyter protocol (a benchmark, not a test): kernel process start to the first cell's
 * result, a warm cell's round trip, a {@code %tune status} round trip on a study with trials, and a
 * {@code %tune run} of 100 trivial trials. Each is repeated; the median and the quartiles are printed, with the
 * machine's load. Run it with {@code install/bench-kernel.sh}, which builds the kernel and hands this class the
 * kernelspec that install/install-kernel.sh would install:
 *
 * <pre>java -cp … org.tunebook.kernel.KernelBenchmark [--kernelspec FILE]... [--starts N] [--cells N] [--warmup N]</pre>
 *
 * Several {@code --kernelspec}s are compared: their starts take turns, so that they share the machine's load.
 * Without {@code --kernelspec} the kernel is started with this JVM's class path.
 */
public final class KernelBenchmark {

    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    /** A kernel to measure: its name in the output and the command that starts it. */
    private record Kernel(String name, List<String> argv) {
    }

    private final List<Kernel> kernels;
    private final Path dir;
    private final int starts;
    private final int cells;
    private final int warmup;

    private KernelBenchmark(List<Kernel> kernels, Path dir, int starts, int cells, int warmup) {
        this.kernels = kernels;
        this.dir = dir;
        this.starts = starts;
        this.cells = cells;
        this.warmup = warmup;
    }

    public static void main(String[] args) throws Exception {
        List<Kernel> kernels = new ArrayList<>();
        int starts = 10;
        int cells = 50;
        int warmup = 20;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--kernelspec" -> {
                    Path spec = Path.of(value(args, ++i, "--kernelspec"));
                    // a kernelspec is named by its folder, as Jupyter names it
                    boolean inFolder = spec.getFileName().toString().equals("kernel.json") && spec.getParent() != null;
                    kernels.add(new Kernel(inFolder ? spec.getParent().getFileName().toString() : spec.toString(),
                            argv(spec)));
                }
                case "--starts" -> starts = Integer.parseInt(value(args, ++i, "--starts"));
                case "--cells" -> cells = Integer.parseInt(value(args, ++i, "--cells"));
                case "--warmup" -> warmup = Integer.parseInt(value(args, ++i, "--warmup"));
                default -> {
                    System.err.println("usage: KernelBenchmark [--kernelspec kernel.json]... [--starts N] [--cells N]"
                            + " [--warmup N]");
                    System.exit(2);
                }
            }
        }
        if (kernels.isEmpty()) {
            kernels.add(new Kernel("this JVM's class path", KernelProcess.thisClassPath()));
        }
        Path dir = Files.createTempDirectory("tunebook-kernel-bench");
        for (Kernel k : kernels) {
            System.out.println("kernel " + k.name() + ":\n  "
                    + String.join(" ", k.argv()).replace(KernelProcess.CONNECTION_FILE, "CONNECTION_FILE"));
        }
        System.out.println(machine());
        try {
            new KernelBenchmark(kernels, dir, starts, cells, warmup).run();
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
        System.out.println("load average after: " + load());
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            System.err.println(option + " needs a value");
            System.exit(2);
        }
        return args[i];
    }

    /** The argv of a kernelspec's kernel.json. */
    private static List<String> argv(Path spec) throws IOException {
        JsonArray array = JsonParser.parseString(Files.readString(spec)).getAsJsonObject().getAsJsonArray("argv");
        List<String> argv = new ArrayList<>();
        array.forEach(e -> argv.add(e.getAsString()));
        return argv;
    }

    private void run() throws Exception {
        // the kernels take turns, so that they share the machine's load as fairly as may be
        Map<Kernel, List<Double>> ready = new LinkedHashMap<>();
        Map<Kernel, List<Double>> firstResult = new LinkedHashMap<>();
        for (int i = 0; i < starts; i++) {
            for (Kernel k : kernels) {
                long t0 = System.nanoTime();
                try (KernelProcess kernel = KernelProcess.start(dir, k.argv());
                        JupyterClient client = new JupyterClient(kernel.connection())) {
                    // both queue in the client until the kernel binds its sockets; the kernel answers them in order
                    String info = client.send(Channel.SHELL, "kernel_info_request", new JsonObject());
                    String cell = client.sendExecute("1 + 1");
                    client.reply(Channel.SHELL, info, TIMEOUT);
                    ready.computeIfAbsent(k, x -> new ArrayList<>()).add(millisSince(t0));
                    String status = client.reply(Channel.SHELL, cell, TIMEOUT).string("status");
                    firstResult.computeIfAbsent(k, x -> new ArrayList<>()).add(millisSince(t0));
                    if (!"ok".equals(status)) {
                        throw new IllegalStateException("the first cell failed: " + status + "; kernel log:\n"
                                + kernel.log());
                    }
                }
            }
        }
        for (Kernel k : kernels) {
            heading(k);
            print("kernel start to kernel_info reply", ready.get(k), "");
            print("kernel start to first result (1 + 1)", firstResult.get(k), "< 2000 ms");
        }
        for (Kernel k : kernels) {
            heading(k);
            warm(k);
        }
    }

    private void heading(Kernel k) {
        if (kernels.size() > 1) {
            System.out.println(k.name() + ":");
        }
    }

    private void warm(Kernel k) {
        try (KernelProcess kernel = KernelProcess.start(dir, k.argv()); JupyterClient client = kernel.connect(TIMEOUT)) {
            Supplier<Execution> warm = () -> checked(client.execute("1 + 1", TIMEOUT));
            repeat(warmup, warm);
            print("warm cell round trip (1 + 1), after " + warmup, repeat(cells, warm), "< 50 ms");

            checked(client.execute("Objective f = t -> t.suggestFloat(\"x\", 0, 1) + t.suggestInt(\"n\", 1, 10);\n"
                    + "%tune new s\n%tune run s --objective f --trials 200", TIMEOUT));
            Supplier<Execution> status = () -> checked(client.execute("%tune status s", TIMEOUT));
            repeat(warmup, status);
            print("%tune status round trip (200 trials)", repeat(cells, status), "< 20 ms");

            List<Double> runs = new ArrayList<>();
            for (int i = 0; i < Math.max(5, cells / 5) + 3; i++) {
                String name = "r" + i;
                checked(client.execute("%tune new " + name, TIMEOUT));
                long t0 = System.nanoTime();
                checked(client.execute("%tune run " + name + " --objective f --trials 100", TIMEOUT));
                if (i >= 3) { // the first runs warm the runner up
                    runs.add(millisSince(t0));
                }
            }
            print("%tune run, 100 trivial trials", runs, "");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Execution checked(Execution e) {
        if (!"ok".equals(e.status())) {
            throw new IllegalStateException("a benchmark cell failed: " + e);
        }
        return e;
    }

    private static List<Double> repeat(int n, Supplier<Execution> cell) {
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            cell.get();
            times.add(millisSince(t0));
        }
        return times;
    }

    private static double millisSince(long t0) {
        return (System.nanoTime() - t0) / 1e6;
    }

    private static void print(String what, List<Double> times, String goal) {
        double[] t = times.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "%-40s median %8.1f ms   IQR %7.1f ms (%.1f–%.1f)   min %8.1f   n %3d   %s%n",
                what, quantile(t, 0.5), quantile(t, 0.75) - quantile(t, 0.25), quantile(t, 0.25), quantile(t, 0.75),
                t[0], t.length, goal.isEmpty() ? "" : "goal " + goal);
    }

    /** The q-quantile by linear interpolation between order statistics. */
    private static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    private static String machine() {
        return "machine: " + Runtime.getRuntime().availableProcessors() + " cores, Java "
                + System.getProperty("java.version") + ", " + System.getProperty("os.name") + " "
                + System.getProperty("os.version") + "; load average before: " + load();
    }

    private static String load() {
        try {
            return String.join(" ", Arrays.asList(Files.readString(Path.of("/proc/loadavg")).trim().split(" ")).subList(0, 3));
        } catch (IOException e) {
            return "unknown";
        }
    }
}
