package io.fairdraw.model.fairness.stats;

import java.util.function.LongSupplier;

/**
 * An immutable sequence of bits ε_1 ... ε_n in the order they are tested. Bits are packed 64 to
 * a long, first bit in the most significant position, so a stream of big-endian words keeps its
 * order: the first bit of a word is its bit 31.
 */
public final class BitSequence {
    /** 2^30 bits take 128 MiB; the report needs 10^8. */
    public static final int MAX_BITS = 1 << 30;

    private final long[] packed;
    private final int length;

    private BitSequence(long[] packed, int length) {
        this.packed = packed;
        this.length = length;
    }

    /** A sequence written as '0' and '1' characters, as in the examples of SP 800-22. */
    public static BitSequence parse(String bits) {
        if (bits.isEmpty() || bits.length() > MAX_BITS) {
            throw new IllegalArgumentException("1.." + MAX_BITS + " bits, not " + bits.length());
        }
        long[] packed = new long[(bits.length() + 63) / 64];
        for (int i = 0; i < bits.length(); i++) {
            char bit = bits.charAt(i);
            if (bit != '0' && bit != '1') {
                throw new IllegalArgumentException("only '0' and '1', not '" + bit + "' at " + i);
            }
            if (bit == '1') {
                packed[i >>> 6] |= 1L << (63 - (i & 63));
            }
        }
        return new BitSequence(packed, bits.length());
    }

    /** {@code count} unsigned 32-bit words taken in order from {@code words}, each read from bit 31 down. */
    public static BitSequence ofWords32(int count, LongSupplier words) {
        if (count < 1 || count > MAX_BITS / 32) {
            throw new IllegalArgumentException("1.." + MAX_BITS / 32 + " words, not " + count);
        }
        long[] packed = new long[(count + 1) / 2];
        for (int i = 0; i < count; i++) {
            long word = words.getAsLong();
            if (word < 0 || word > 0xFFFF_FFFFL) {
                throw new IllegalArgumentException("not an unsigned 32-bit word: " + word);
            }
            packed[i / 2] |= (i % 2 == 0) ? word << 32 : word;
        }
        return new BitSequence(packed, count * 32);
    }

    public int length() {
        return length;
    }

    /** The bit at {@code index} (0-based: ε_(index+1) in the document's numbering), 0 or 1. */
    public int bit(int index) {
        if (index < 0 || index >= length) {
            throw new IndexOutOfBoundsException(index);
        }
        return (int) (packed[index >>> 6] >>> (63 - (index & 63))) & 1;
    }

    /** The number of ones among the bits [from, to). */
    public long ones(int from, int to) {
        if (from < 0 || to > length || from > to) {
            throw new IndexOutOfBoundsException("[" + from + ", " + to + ") of " + length);
        }
        long ones = 0;
        int index = from;
        while (index < to && (index & 63) != 0) {
            ones += bit(index++);
        }
        while (to - index >= 64) {
            ones += Long.bitCount(packed[index >>> 6]);
            index += 64;
        }
        while (index < to) {
            ones += bit(index++);
        }
        return ones;
    }

    public long ones() {
        return ones(0, length);
    }
}
