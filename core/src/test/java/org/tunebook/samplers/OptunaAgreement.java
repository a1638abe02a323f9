package org.tunebook.samplers;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.tunebook.distributions.CategoricalDistribution;
import org.tunebook.distributions.Distribution;
import org.tunebook.distributions.FloatDistribution;
import org.tunebook.distributions.IntDistribution;

/**
 * What the tests that hold TPE against Optuna 3.1's own code share: running their Python side with Debian's
 * Optuna (a JSON request on standard input, a JSON answer on standard output), distributions in the form the
 * scripts read, and the two-sample Kolmogorov-Smirnov check for the random parts.
 */
final class OptunaAgreement {

    private static final String PYTHON = "/usr/bin/python3";
    private static final Gson GSON = new GsonBuilder().create();

    private OptunaAgreement() {
    }

    /** Runs a test-resource script with Debian's Python; fails the test (never skips) if Optuna is missing. */
    static JsonObject runPython(String resource, Object request) throws IOException, InterruptedException,
            URISyntaxException {
        Path script = Paths.get(OptunaAgreement.class.getResource(resource).toURI());
        List<String> cmd = List.of(PYTHON, script.toString());
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.PIPE).start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(GSON.toJson(request).getBytes(StandardCharsets.UTF_8));
        }
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("python " + cmd + " failed (is Debian's python3-optuna installed? install/test.sh"
                    + " installs it):\n" + new String(err, StandardCharsets.UTF_8));
        }
        return JsonParser.parseString(new String(out, StandardCharsets.UTF_8)).getAsJsonObject();
    }

    /**
     * Asserts that two samples come from one distribution: their Kolmogorov-Smirnov distance stays below the
     * critical value at the 1e-6 level (sorts both arrays).
     */
    static void assertSameDistribution(double[] ours, double[] theirs, String what) {
        Arrays.sort(ours);
        Arrays.sort(theirs);
        double critical = Math.sqrt(-Math.log(1e-6 / 2) / 2) * Math.sqrt(1.0 / ours.length + 1.0 / theirs.length);
        assertThat(ksDistance(ours, theirs)).as("Kolmogorov-Smirnov distance of %d and %d %s", ours.length,
                theirs.length, what).isLessThan(critical);
    }

    /** The largest gap between the empirical distribution functions of two sorted samples. */
    static double ksDistance(double[] a, double[] b) {
        int i = 0;
        int j = 0;
        double d = 0;
        while (i < a.length && j < b.length) {
            double v = Math.min(a[i], b[j]);
            while (i < a.length && a[i] == v) {
                i++;
            }
            while (j < b.length && b[j] == v) {
                j++;
            }
            d = Math.max(d, Math.abs((double) i / a.length - (double) j / b.length));
        }
        return d;
    }

    /** A distribution as the scripts read it: type, bounds, log, step, choices. */
    static Map<String, Object> spec(Distribution d) {
        Map<String, Object> s = new LinkedHashMap<>();
        if (d instanceof FloatDistribution f) {
            s.put("type", "float");
            s.put("low", f.low());
            s.put("high", f.high());
            s.put("log", f.log());
            if (f.step() != null) {
                s.put("step", f.step());
            }
        } else if (d instanceof IntDistribution i) {
            s.put("type", "int");
            s.put("low", i.low());
            s.put("high", i.high());
            s.put("log", i.log());
            s.put("step", i.step());
        } else {
            s.put("type", "categorical");
            s.put("choices", ((CategoricalDistribution) d).choices());
        }
        return s;
    }

    static double[] doubles(JsonArray a) {
        double[] v = new double[a.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = a.get(i).getAsDouble();
        }
        return v;
    }
}
