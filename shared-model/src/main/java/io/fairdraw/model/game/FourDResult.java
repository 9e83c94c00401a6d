package io.fairdraw.model.game;

/**
 * A 4D result ABCD, each a digit. The other bet types read their part of it: 3D is BCD, 3D front
 * ABC, 2D back CD, 2D front AB, 2D middle BC.
 */
public record FourDResult(int a, int b, int c, int d) {
    public FourDResult {
        for (int digit : new int[] {a, b, c, d}) {
            if (digit < 0 || digit > 9) {
                throw new IllegalArgumentException("a 4D result is four digits");
            }
        }
    }

    public static FourDResult of(int[] digits) {
        if (digits.length != 4) {
            throw new IllegalArgumentException("a 4D result is four digits");
        }
        return new FourDResult(digits[0], digits[1], digits[2], digits[3]);
    }

    public int[] digits() {
        return new int[] {a, b, c, d};
    }

    public String text() {
        return "" + a + b + c + d;
    }

    /** The 2D back number CD, 0..99. */
    public int twoDBack() {
        return c * 10 + d;
    }
}
