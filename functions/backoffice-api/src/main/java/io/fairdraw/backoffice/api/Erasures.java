package io.fairdraw.backoffice.api;

import io.fairdraw.backoffice.store.PersonalRecord;
import io.fairdraw.backoffice.store.PlayerKey;
import io.fairdraw.backoffice.store.PlayerRow;
import io.fairdraw.backoffice.store.Reporting;
import io.fairdraw.model.error.DomainException;
import io.fairdraw.model.error.ErrorType;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Erasure of a closed account's personal data by crypto-shredding: the player's data key is
 * destroyed (its row stays as a tombstone, so a replayed stream cannot bring the data back) and
 * the sealed record goes with it. The ledger and the audit trail keep no personal data, so they
 * stay whole. Allowed once the account is closed and the retention period after closure
 * ({@code fairdraw.backoffice.retention.after-closure}, by default five years, the usual
 * anti-money-laundering record-keeping term) has passed.
 */
@ApplicationScoped
public class Erasures {
    private final Reporting reporting;
    private final Duration retention;

    public Erasures(Reporting reporting, @ConfigProperty(name = "fairdraw.backoffice.retention.after-closure") Duration retention) {
        this.reporting = reporting;
        this.retention = retention;
    }

    public PlayerKey erase(String playerId, String operator) {
        Instant now = Instant.now();
        return reporting.transaction(() -> PlayerRow.<PlayerRow>findById(playerId).chain(player -> {
            if (player == null) {
                throw new DomainException(ErrorType.NOT_FOUND, "no player " + playerId);
            }
            if (!"CLOSED".equals(player.status) || closedAt(player.updatedAt).map(at -> at.plus(retention).isAfter(now)).orElse(true)) {
                throw new DomainException(ErrorType.ERASURE_NOT_ALLOWED,
                        "the account is " + player.status + "; erasure needs it closed for " + retention.toDays() + " days");
            }
            return PlayerKey.<PlayerKey>findById(playerId).chain(key -> {
                PlayerKey shredded = key == null ? new PlayerKey() : key;
                if (shredded.erasedAt != null) {
                    return Uni.createFrom().item(shredded);
                }
                shredded.playerId = playerId;
                shredded.wrappedKey = null;
                shredded.erasedAt = now;
                shredded.erasedBy = operator;
                return shredded.persist().chain(() -> PersonalRecord.deleteById(playerId)).replaceWith(shredded);
            });
        }));
    }

    /** When the projected player last changed (its closure, once closed); empty when missing or unreadable, which refuses erasure. */
    private static java.util.Optional<Instant> closedAt(String updatedAt) {
        try {
            return java.util.Optional.ofNullable(updatedAt).map(Instant::parse);
        } catch (java.time.format.DateTimeParseException unreadable) {
            return java.util.Optional.empty();
        }
    }
}
