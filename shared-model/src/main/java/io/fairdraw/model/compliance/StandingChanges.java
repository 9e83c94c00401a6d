package io.fairdraw.model.compliance;

import io.fairdraw.model.error.DomainException;
import io.fairdraw.model.error.ErrorType;
import io.fairdraw.model.error.ValidationException;
import io.fairdraw.model.player.KycState;
import io.fairdraw.model.player.Player;
import io.fairdraw.model.player.PlayerStatus;
import java.time.Instant;
import java.util.Optional;

/**
 * The changes a player (or the identity check) makes to their own standing. Protective changes
 * only ever extend: a time-out or exclusion is never shortened or lifted early, and a closed
 * account takes no further change.
 */
public final class StandingChanges {
    private StandingChanges() {
    }

    /** Refuses an identity check for a closed account or one whose check is already decided. */
    public static void requireCheckable(Player player) {
        requireOpen(player);
        if (player.kyc() == KycState.APPROVED || player.kyc() == KycState.REJECTED) {
            throw new DomainException(ErrorType.KYC_ALREADY_DECIDED, "the identity check was already " + player.kyc());
        }
    }

    public static Player recordIdentityCheck(Player player, KycOutcome outcome, Instant now) {
        requireCheckable(player);
        return switch (outcome) {
            case APPROVE -> player.withStanding(
                    player.status() == PlayerStatus.PENDING_VERIFICATION ? PlayerStatus.VERIFIED : player.status(),
                    KycState.APPROVED, player.timedOutUntil(), player.excludedUntil(), now);
            case REJECT -> player.withStanding(player.status(), KycState.REJECTED, player.timedOutUntil(), player.excludedUntil(), now);
            case REFER -> player.withStanding(player.status(), KycState.REFERRED, player.timedOutUntil(), player.excludedUntil(), now);
        };
    }

    public static Player takeTimeOut(Player player, TimeOut timeOut, Instant now) {
        requireOpen(player);
        Instant until = now.plus(timeOut.length());
        if (player.timedOutUntil().filter(existing -> existing.isAfter(until)).isPresent()) {
            throw new DomainException(ErrorType.EXCLUSION_CANNOT_BE_SHORTENED,
                    "a longer time-out is already running until " + player.timedOutUntil().get());
        }
        return player.withStanding(player.status(), player.kyc(), Optional.of(until), player.excludedUntil(), now);
    }

    public static Player selfExclude(Player player, ExclusionPeriod period, Instant now) {
        requireOpen(player);
        Optional<Instant> until = period.endFrom(now);
        boolean alreadyExcluded = player.status() == PlayerStatus.SELF_EXCLUDED && player.excludedUntil().map(now::isBefore).orElse(true);
        if (alreadyExcluded && endsBefore(until, player.excludedUntil())) {
            throw new DomainException(ErrorType.EXCLUSION_CANNOT_BE_SHORTENED, player.excludedUntil()
                    .map(end -> "an exclusion is already running until " + end).orElse("the exclusion is permanent"));
        }
        return player.withStanding(PlayerStatus.SELF_EXCLUDED, player.kyc(), player.timedOutUntil(), until, now);
    }

    public static Player close(Player player, Instant now) {
        requireOpen(player);
        return player.withStanding(PlayerStatus.CLOSED, player.kyc(), player.timedOutUntil(), player.excludedUntil(), now);
    }

    /**
     * An operator suspends an account under investigation. A self-exclusion is never replaced
     * (the player's own protection outranks it), and a suspended account is not suspended twice.
     */
    public static Player suspend(Player player, Instant now) {
        requireOpen(player);
        if (player.status() == PlayerStatus.SELF_EXCLUDED || player.status() == PlayerStatus.SUSPENDED) {
            throw new DomainException(ErrorType.STANDING_CONFLICT, "the account is " + player.status());
        }
        return player.withStanding(PlayerStatus.SUSPENDED, player.kyc(), player.timedOutUntil(), player.excludedUntil(), now);
    }

    /** An operator lifts a suspension: back to verified when the identity check was approved. */
    public static Player reinstate(Player player, Instant now) {
        requireOpen(player);
        if (player.status() != PlayerStatus.SUSPENDED) {
            throw new DomainException(ErrorType.STANDING_CONFLICT, "the account is " + player.status() + ", not suspended");
        }
        PlayerStatus back = player.kyc() == KycState.APPROVED ? PlayerStatus.VERIFIED : PlayerStatus.PENDING_VERIFICATION;
        return player.withStanding(back, player.kyc(), player.timedOutUntil(), player.excludedUntil(), now);
    }

    /** An operator decides an identity check the provider referred: approve or reject, nothing else. */
    public static Player resolveReferral(Player player, KycOutcome outcome, Instant now) {
        requireOpen(player);
        if (player.kyc() != KycState.REFERRED) {
            throw new DomainException(ErrorType.KYC_ALREADY_DECIDED, "no identity check waits for review (it is " + player.kyc() + ")");
        }
        if (outcome == KycOutcome.REFER) {
            throw ValidationException.of("outcome", "is APPROVE or REJECT");
        }
        return recordIdentityCheck(player, outcome, now);
    }

    /** True when {@code candidate} ends before {@code existing} (empty means never). */
    private static boolean endsBefore(Optional<Instant> candidate, Optional<Instant> existing) {
        if (existing.isEmpty()) {
            return true;
        }
        return candidate.isPresent() && candidate.get().isBefore(existing.get());
    }

    private static void requireOpen(Player player) {
        if (player.status() == PlayerStatus.CLOSED) {
            throw new DomainException(ErrorType.ACCOUNT_CLOSED_FOR_CHANGES, "the account is closed");
        }
    }
}
