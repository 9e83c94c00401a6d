package io.fairdraw.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LatenciesTest {
    @Test
    void percentilesAreNearestRank() {
        long[] nanos = IntStream.rangeClosed(1, 100).mapToLong(i -> i * 1_000_000L).toArray();
        Latencies latencies = new Latencies(nanos, 2_000_000_000L);
        assertThat(latencies.p50()).isEqualTo(50.0);
        assertThat(latencies.p99()).isEqualTo(99.0);
        assertThat(latencies.percentileMillis(100)).isEqualTo(100.0);
        assertThat(latencies.throughput()).isEqualTo(50.0);
        assertThatThrownBy(() -> new Latencies(new long[0], 1).p50()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void picksLeanTowardsPopularNumbersAndLottoPicksAreCanonical() {
        Random random = new Random(1);
        long popular = IntStream.range(0, 30_000).mapToObj(i -> Skew.fourD(random)).filter(Skew.POPULAR::contains).count();
        // A third from the popular hundred, plus the uniform draws that land there by chance (1%).
        assertThat(popular / 30_000.0).isBetween(0.32, 0.36);
        for (int i = 0; i < 1_000; i++) {
            String pick = Skew.lotto(random);
            assertThat(pick).matches("(0[1-9]|[1-4][0-9])(-(0[1-9]|[1-4][0-9])){5}");
            assertThat(pick.split("-")).doesNotHaveDuplicates().isSorted();
        }
    }
}
