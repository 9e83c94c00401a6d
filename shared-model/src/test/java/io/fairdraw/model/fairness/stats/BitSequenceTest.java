package io.fairdraw.model.fairness.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BitSequenceTest {

    @Test
    void parsedBitsKeepTheirOrder() {
        BitSequence bits = BitSequence.parse("1101");
        assertThat(bits.length()).isEqualTo(4);
        assertThat(List.of(bits.bit(0), bits.bit(1), bits.bit(2), bits.bit(3))).containsExactly(1, 1, 0, 1);
        assertThat(bits.ones()).isEqualTo(3);
    }

    @Test
    void wordsAreReadFromTheirMostSignificantBit() {
        Iterator<Long> words = List.of(0x8000_0001L, 0xFFFF_FFFFL, 0x4000_0000L).iterator();
        BitSequence bits = BitSequence.ofWords32(3, words::next);
        assertThat(bits.length()).isEqualTo(96);
        assertThat(bits.bit(0)).isEqualTo(1);
        assertThat(bits.ones(1, 31)).isZero();
        assertThat(bits.bit(31)).isEqualTo(1);
        assertThat(bits.ones(32, 64)).isEqualTo(32);
        assertThat(List.of(bits.bit(64), bits.bit(65))).containsExactly(0, 1);
        assertThat(bits.ones()).isEqualTo(35);
    }

    @Test
    void countingOnesInARangeAgreesWithCountingBitByBit() {
        SplittableRandom random = new SplittableRandom(3);
        BitSequence bits = BitSequence.ofWords32(40, () -> random.nextLong(1L << 32));
        for (int trial = 0; trial < 500; trial++) {
            int from = random.nextInt(bits.length() + 1);
            int to = from + random.nextInt(bits.length() - from + 1);
            long expected = 0;
            for (int i = from; i < to; i++) {
                expected += bits.bit(i);
            }
            assertThat(bits.ones(from, to)).as("[%d, %d)", from, to).isEqualTo(expected);
        }
    }

    @Test
    void malformedInputIsRefused() {
        assertThatThrownBy(() -> BitSequence.parse("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BitSequence.parse("10 1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BitSequence.ofWords32(1, () -> 1L << 32)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BitSequence.ofWords32(1, () -> -1L)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BitSequence.ofWords32(0, () -> 0L)).isInstanceOf(IllegalArgumentException.class);
        BitSequence bits = BitSequence.parse("10");
        assertThatThrownBy(() -> bits.bit(2)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> bits.ones(1, 0)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
