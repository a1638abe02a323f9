package org.tunebook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SignificanceTest {

    @Test
    void theSameValuesAreNoEvidenceOfADifference() {
        double[] a = {1, 2, 3, 4, 5, 6, 7, 8};
        assertThat(Double.parseDouble(Significance.pValue(a, a.clone()))).isGreaterThan(0.9);
    }

    @Test
    void samplesThatDoNotOverlapDifferBeyondChance() {
        double[] low = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        double[] high = {11, 12, 13, 14, 15, 16, 17, 18, 19, 20};
        String p = Significance.pValue(low, high);
        assertThat(Double.parseDouble(p)).isLessThan(0.001);
        // the test is two-sided: the order of the samples does not matter
        assertThat(Significance.pValue(high, low)).isEqualTo(p);
    }

    @Test
    void interleavedSamplesGiveAMiddlingPValueWithTwoDigits() {
        double[] a = {1, 3, 5, 7, 9, 11};
        double[] b = {2, 4, 6, 8, 10, 12};
        String p = Significance.pValue(a, b);
        assertThat(p).matches("0\\.\\d{1,2}");
        assertThat(Double.parseDouble(p)).isBetween(0.3, 1.0);
    }

    @Test
    void tooFewValuesOnASideGiveADash() {
        double[] five = {1, 2, 3, 4, 5};
        assertThat(Significance.pValue(five, new double[] {1, 2, 3, 4})).isEqualTo("-");
        assertThat(Significance.pValue(new double[0], five)).isEqualTo("-");
        assertThat(Significance.pValue(five, null)).isEqualTo("-");
    }
}
