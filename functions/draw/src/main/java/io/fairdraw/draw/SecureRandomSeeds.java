package io.fairdraw.draw;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * Seeds from the JDK's NIST SP 800-90A DRBG. The generator is created on first use, at run time,
 * never while a native image is built: a generator seeded at build time would hand every
 * instance of the function the same seeds.
 */
final class SecureRandomSeeds implements SeedSource {
    private volatile SecureRandom random;

    @Override
    public byte[] seed() {
        byte[] seed = new byte[32];
        generator().nextBytes(seed);
        return seed;
    }

    private SecureRandom generator() {
        SecureRandom current = random;
        if (current == null) {
            synchronized (this) {
                if (random == null) {
                    try {
                        random = SecureRandom.getInstance("DRBG");
                    } catch (NoSuchAlgorithmException e) {
                        throw new IllegalStateException("the JDK's DRBG is missing", e);
                    }
                }
                current = random;
            }
        }
        return current;
    }
}
