package org.tunebook.pruners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.commons.math3.stat.inference.WilcoxonSignedRankTest;
import org.junit.jupiter.api.Test;
import org.tunebook.pruners.SignedRankTest.Alternative;

/** The one-sided signed-rank test against SciPy (Debian's python3-scipy) and commons-math. */
class SignedRankTestTest {

    private static final String PYTHON = "/usr/bin/python3";

    @Test
    void handComputedExactCases() {
        // n = 3, all positive: W+ = 6 is the largest of 8 equally likely sums, P(W+ >= 6) = 1/8
        assertThat(SignedRankTest.pValue(new double[] {1, 2, 3}, Alternative.GREATER)).isEqualTo(0.125);
        assertThat(SignedRankTest.pValue(new double[] {1, 2, 3}, Alternative.LESS)).isEqualTo(1.0);
        // W+ = 1 + 3 = 4 of ranks {1, 2, 3}: sums >= 4 are {4 (1+3), 5 (2+3), 6 (1+2+3)}: 3/8
        assertThat(SignedRankTest.pValue(new double[] {0.5, -1, 3}, Alternative.GREATER)).isEqualTo(0.375);
        assertThat(SignedRankTest.pValue(new double[] {}, Alternative.LESS)).isNaN();
    }

    @Test
    void ranksAverageTiesOfAbsoluteValues() {
        assertThat(SignedRankTest.averageRanks(new double[] {-2, 1, 2, 0, -1}))
                .containsExactly(4.5, 2.5, 4.5, 1, 2.5);
    }

    @Test
    void twoSidedExactPValuesAgreeWithCommonsMath() {
        Random random = new Random(3);
        WilcoxonSignedRankTest commons = new WilcoxonSignedRankTest();
        for (int round = 0; round < 200; round++) {
            int n = 2 + random.nextInt(15); // commons-math enumerates all 2^n sign patterns
            double[] d = new double[n];
            double shift = random.nextGaussian();
            for (int i = 0; i < n; i++) {
                d[i] = shift + random.nextGaussian(); // continuous: no ties, no zeros
            }
            double twoSided = Math.min(1, 2 * Math.min(SignedRankTest.pValue(d, Alternative.LESS),
                    SignedRankTest.pValue(d, Alternative.GREATER)));
            // commons-math gives more than 1 when W+ sits at the centre of the distribution; a p-value is at most 1
            double expected = Math.min(1, commons.wilcoxonSignedRankTest(d, new double[n], true));
            assertThat(twoSided).as("%s", Arrays.toString(d)).isCloseTo(expected, within(1e-12));
        }
    }

    @Test
    void oneSidedPValuesAgreeWithScipy() throws Exception {
        Random random = new Random(17);
        List<Map<String, Object>> cases = new ArrayList<>();
        List<double[]> inputs = new ArrayList<>();
        List<Alternative> alternatives = new ArrayList<>();
        for (int round = 0; round < 300; round++) {
            int n = 2 + random.nextInt(round % 3 == 0 ? 90 : 30); // SciPy's permutation test needs two
            double[] d = new double[n];
            boolean rounded = round % 3 == 1; // rounding makes ties and zeros
            double shift = 0.5 * random.nextGaussian();
            for (int i = 0; i < n; i++) {
                double v = shift + random.nextGaussian();
                d[i] = rounded ? Math.round(v * 2) / 2.0 : v;
            }
            Alternative alternative = random.nextBoolean() ? Alternative.LESS : Alternative.GREATER;
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("d", d);
            c.put("alternative", alternative == Alternative.LESS ? "less" : "greater");
            c.put("method", method(d));
            cases.add(c);
            inputs.add(d);
            alternatives.add(alternative);
        }
        JsonArray expected = scipy(cases);
        int exact = 0;
        int zeros = 0;
        int permutations = 0;
        for (int i = 0; i < inputs.size(); i++) {
            double[] d = inputs.get(i);
            exact += d.length <= 50 && Arrays.stream(d).noneMatch(v -> v == 0) && !hasNonZeroTies(d) ? 1 : 0;
            zeros += Arrays.stream(d).anyMatch(v -> v == 0) ? 1 : 0;
            permutations += method(d).equals("permutation") ? 1 : 0;
            assertThat(SignedRankTest.pValue(d, alternatives.get(i))).as("%s %s", alternatives.get(i),
                    Arrays.toString(d)).isCloseTo(expected.get(i).getAsDouble(), within(1e-12));
        }
        assertThat(exact).as("cases on the exact distribution").isGreaterThan(100);
        assertThat(zeros).as("cases with zero differences").isGreaterThan(30);
        assertThat(permutations).as("cases for the permutation test").isGreaterThan(15);
    }

    /**
     * What current SciPy's method="auto" does, spelled out for Debian's SciPy 1.10, whose "auto" differs with ties
     * or zeros among few differences: exact distribution without ties or zeros up to 50, exact permutation with
     * them up to 13, else the approximation.
     */
    private static String method(double[] d) {
        boolean zeros = Arrays.stream(d).anyMatch(v -> v == 0);
        boolean ties = hasNonZeroTies(d) || Arrays.stream(d).filter(v -> v == 0).count() > 1;
        if (!zeros && !ties) {
            return d.length <= 50 ? "auto" : "approx";
        }
        return d.length <= 13 ? "permutation" : "approx";
    }

    private static boolean hasNonZeroTies(double[] d) {
        double[] abs = Arrays.stream(d).map(Math::abs).filter(v -> v != 0).sorted().toArray();
        for (int i = 1; i < abs.length; i++) {
            if (abs[i] == abs[i - 1]) {
                return true;
            }
        }
        return false;
    }

    private static JsonArray scipy(List<Map<String, Object>> cases) throws Exception {
        Path script = Paths.get(SignedRankTestTest.class.getResource("/pruners/scipy_wilcoxon.py").toURI());
        Process p = new ProcessBuilder(PYTHON, script.toString()).start();
        p.getOutputStream().write(new Gson().toJson(cases).getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("python " + script + " failed (is Debian's python3-scipy installed?):\n"
                    + new String(err, StandardCharsets.UTF_8));
        }
        return JsonParser.parseString(new String(out, StandardCharsets.UTF_8)).getAsJsonArray();
    }
}
