package io.fairdraw.draw.beacon;

/** Why one relay's answer was not used; the next relay is tried. */
final class RelayFailure extends Exception {
    RelayFailure(String reason) {
        super(reason);
    }
}
