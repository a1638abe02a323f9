package org.tunebook.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Optuna's column encodings round-trip, and the hand-written datetime parser agrees with java.time. */
class SqlValuesTest {

    @Test
    void datetimesInEveryStoredFormParse() {
        assertThat(local("2026-11-27 21:15:25.543525")).isEqualTo(LocalDateTime.of(2026, 11, 27, 21, 15, 25, 543_525_000));
        assertThat(local("2026-11-27 21:15:25")).isEqualTo(LocalDateTime.of(2026, 11, 27, 21, 15, 25));
        assertThat(local("2026-11-27T21:15:25.5")).isEqualTo(LocalDateTime.of(2026, 11, 27, 21, 15, 25, 500_000_000));
        assertThat(local("2026-01-02 03:04:05.123456789")).isEqualTo(LocalDateTime.of(2026, 1, 2, 3, 4, 5, 123_456_789));
        assertThat(SqlValues.instant(null)).isNull();
    }

    @Test
    void writtenTimesReadBackToTheMicrosecond() {
        Instant now = Instant.parse("2026-11-27T21:15:25.123456789Z");
        assertThat(SqlValues.instant(SqlValues.time(now))).isEqualTo(Instant.parse("2026-11-27T21:15:25.123456Z"));
    }

    @Test
    void writtenTimesAreWhatOptunasFormatGives() {
        java.time.format.DateTimeFormatter optuna = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");
        for (String utc : new String[] {"2026-11-27T21:15:25.123456789Z", "2026-01-02T03:04:05Z", "0999-12-31T23:59:59.000001Z",
                "1970-01-01T00:00:00.000100Z", "9999-06-30T12:00:00.999999Z", "+12000-01-01T00:00:00Z"}) {
            Instant instant = Instant.parse(utc);
            assertThat(SqlValues.time(instant)).as(utc)
                    .isEqualTo(LocalDateTime.ofInstant(instant, ZoneId.systemDefault()).format(optuna));
        }
    }

    @Test
    void specialFloatsKeepTheirTypes() {
        for (double v : new double[] {1.5, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN}) {
            Double stored = SqlValues.stored(v);
            double back = SqlValues.decode(stored == null ? 0 : stored, stored == null, SqlValues.type(v));
            assertThat(Double.valueOf(back)).isEqualTo(Double.valueOf(v)); // Double.equals: NaN equals NaN
        }
        assertThat(SqlValues.type(Double.NaN)).isEqualTo("NAN");
        assertThat(SqlValues.type(Double.NEGATIVE_INFINITY)).isEqualTo("INF_NEG");
    }

    private static LocalDateTime local(String text) {
        return LocalDateTime.ofInstant(SqlValues.instant(text), ZoneId.systemDefault());
    }
}
