package io.fairdraw.draw;

/** Keeps a draw's seed sealed at rest until the draw executes; a seal opens only for the draw it was made for. */
public interface SeedVault {
    byte[] seal(String drawId, byte[] seed);

    byte[] open(String drawId, byte[] sealed);
}
