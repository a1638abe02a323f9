package org.tunebook.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tunebook.distributions.CategoricalDistribution;
import org.tunebook.distributions.Distribution;
import org.tunebook.distributions.FloatDistribution;
import org.tunebook.distributions.IntDistribution;

/** Distributions in Optuna's JSON: today's names round-trip, Optuna 2's legacy names read as their successors. */
class DistributionJsonTest {

    @Test
    void currentDistributionsRoundTrip() {
        List<Distribution> all = List.of(new FloatDistribution(0, 1), new FloatDistribution(1e-5, 0.1, true, null),
                new FloatDistribution(0, 1, false, 0.25), new IntDistribution(1, 9, false, 2),
                new IntDistribution(8, 512, true, 1),
                new CategoricalDistribution(Arrays.asList("relu", null, true, 3, 2.5)));
        for (Distribution d : all) {
            assertThat(DistributionJson.read(DistributionJson.write(d))).isEqualTo(d);
        }
        assertThat(DistributionJson.write(new FloatDistribution(0, 1)))
                .isEqualTo("{\"name\":\"FloatDistribution\",\"attributes\":{\"step\":null,\"low\":0.0,\"high\":1.0,\"log\":false}}");
    }

    @Test
    void optunaTwosLegacyNamesAreRead() {
        assertThat(read("UniformDistribution", "{\"low\": -1.0, \"high\": 2.0}")).isEqualTo(new FloatDistribution(-1, 2));
        assertThat(read("LogUniformDistribution", "{\"low\": 1e-05, \"high\": 0.1}"))
                .isEqualTo(new FloatDistribution(1e-5, 0.1, true, null));
        assertThat(read("DiscreteUniformDistribution", "{\"low\": 0.0, \"high\": 1.0, \"q\": 0.25}"))
                .isEqualTo(new FloatDistribution(0, 1, false, 0.25));
        assertThat(read("IntUniformDistribution", "{\"low\": 1, \"high\": 9, \"step\": 2}"))
                .isEqualTo(new IntDistribution(1, 9, false, 2));
        assertThat(read("IntUniformDistribution", "{\"low\": 1, \"high\": 9}")).isEqualTo(new IntDistribution(1, 9));
        assertThat(read("IntLogUniformDistribution", "{\"low\": 1, \"high\": 1024, \"step\": 1}"))
                .isEqualTo(new IntDistribution(1, 1024, true, 1));
        assertThat(read("CategoricalDistribution", "{\"choices\": [\"a\", null, 1]}"))
                .isEqualTo(new CategoricalDistribution(Arrays.asList("a", null, 1)));
    }

    @Test
    void unreadableDistributionsSayWhatIsWrong() {
        assertThatThrownBy(() -> read("BetaDistribution", "{}")).isInstanceOf(StorageException.class)
                .hasMessageContaining("unknown kind 'BetaDistribution'");
        assertThatThrownBy(() -> read("FloatDistribution", "{\"low\": 2.0, \"high\": 1.0, \"log\": false}"))
                .isInstanceOf(StorageException.class).hasMessageContaining("invalid");
        assertThatThrownBy(() -> DistributionJson.read("not json")).isInstanceOf(StorageException.class);
    }

    private static Distribution read(String name, String attributes) {
        return DistributionJson.read("{\"name\": \"" + name + "\", \"attributes\": " + attributes + "}");
    }
}
