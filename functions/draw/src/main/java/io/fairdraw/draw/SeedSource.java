package io.fairdraw.draw;

/** Where a draw's 32-byte seed comes from: a certified CSPRNG (KMS GenerateRandom in AWS). */
public interface SeedSource {
    byte[] seed();
}
