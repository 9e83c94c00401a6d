package io.fairdraw.betting;

import io.fairdraw.model.compliance.SafetySettings;
import io.fairdraw.model.draw.Draw;
import io.fairdraw.model.id.PlayerId;
import io.fairdraw.platform.players.Holders;
import io.fairdraw.platform.snapstart.RestoreAware;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What a purchase reads before its transaction, remembered for a few seconds by the execution
 * environment: the draw, and the buyer's holder and safety settings. Nothing here decides
 * anything: the transaction re-checks each on its own item (the draw's gate shard is open, the
 * player may play, the settings' version is the one read), so a stale entry can only make the
 * one-transaction path fail, after which the careful path reads afresh. Bounded; an environment
 * that sees more players than the bound starts again from empty.
 */
@ApplicationScoped
public class Snapshots implements RestoreAware {
    static final Duration DRAW_LIFETIME = Duration.ofSeconds(5);
    static final Duration PLAYER_LIFETIME = Duration.ofSeconds(60);
    static final int MAX_ENTRIES = 10_000;

    /** A buyer as a purchase needs them. */
    public record Buyer(Holders.Holder holder, SafetySettings safety) {
    }

    private record Entry<T>(T value, long expiresAtNanos) {
    }

    private final Map<String, Entry<Draw>> draws = new ConcurrentHashMap<>();
    private final Map<PlayerId, Entry<Buyer>> buyers = new ConcurrentHashMap<>();

    Draw draw(String drawId, Supplier<Draw> read) {
        return remembered(draws, drawId, read, DRAW_LIFETIME);
    }

    Buyer buyer(PlayerId player, Supplier<Buyer> read) {
        return remembered(buyers, player, read, PLAYER_LIFETIME);
    }

    /** Remembers what the careful path just read. */
    void remember(PlayerId player, Buyer buyer) {
        put(buyers, player, buyer, PLAYER_LIFETIME);
    }

    void forget(PlayerId player) {
        buyers.remove(player);
    }

    /** After a SnapStart restore nothing remembered before it is used: its age cannot be told. */
    @Override
    public void restored() {
        draws.clear();
        buyers.clear();
    }

    private static <K, T> T remembered(Map<K, Entry<T>> entries, K key, Supplier<T> read, Duration lifetime) {
        Entry<T> entry = entries.get(key);
        if (entry != null && entry.expiresAtNanos() - System.nanoTime() > 0) {
            return entry.value();
        }
        T value = read.get();
        put(entries, key, value, lifetime);
        return value;
    }

    private static <K, T> void put(Map<K, Entry<T>> entries, K key, T value, Duration lifetime) {
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(key, new Entry<>(value, System.nanoTime() + lifetime.toNanos()));
    }
}
