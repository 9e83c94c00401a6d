package io.fairdraw.wallet;

import io.fairdraw.model.id.IdempotencyKey;
import io.fairdraw.model.id.PlayerId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Deposit and withdrawal ids derived from the player and their Idempotency-Key: a retried
 * request names the same deposit or withdrawal, so it can never start a second one.
 */
public final class WalletIds {
    private WalletIds() {
    }

    public static String deposit(PlayerId player, IdempotencyKey key) {
        return "dep_" + hash("deposit", player, key);
    }

    public static String withdrawal(PlayerId player, IdempotencyKey key) {
        return "wd_" + hash("withdrawal", player, key);
    }

    private static String hash(String kind, PlayerId player, IdempotencyKey key) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(("fairdraw/" + kind + "/v1\u0000" + player.value() + "\u0000" + key.value()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha256.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}
