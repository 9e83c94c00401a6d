package io.fairdraw.payments;

import io.fairdraw.model.id.PlayerId;
import io.fairdraw.model.money.Money;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A payment service provider, as the wallet needs it: start a deposit, pay a withdrawal out,
 * and turn a signed notification into a verified event. Every call carries Fairdraw's own id
 * as the provider's idempotency key, so a retried call never charges or pays twice.
 */
public interface PaymentProvider {
    /** The provider's name in routes and account ids: lower case, stable. */
    String name();

    /** Fails at start when an enabled provider lacks its configuration (keys, secrets, endpoints). */
    default void checkConfigured() {
    }

    /** Starts a deposit; idempotent by {@code request.depositId()}. */
    PaymentSession startDeposit(DepositRequest request);

    /** Sends money to an instrument the player deposited from; idempotent by {@code request.withdrawalId()}. */
    PayoutResult payOut(PayoutRequest request);

    /**
     * Verifies a notification's signature and freshness and reads its events. A forged, tampered
     * or stale notification is refused with {@link WebhookRejected}; nothing is read from it.
     */
    java.util.List<PaymentEvent> verify(Map<String, String> headers, String body, Instant receivedAt) throws WebhookRejected;

    record DepositRequest(String depositId, PlayerId player, Money amount, String returnUrl) {
        public DepositRequest {
            Objects.requireNonNull(depositId, "depositId");
            Objects.requireNonNull(player, "player");
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(returnUrl, "returnUrl");
        }
    }

    /** What the player does next to pay (a redirect, usually), and the provider's id of the payment. */
    record PaymentSession(String providerPaymentId, Optional<String> redirectUrl) {
        public PaymentSession {
            Objects.requireNonNull(providerPaymentId, "providerPaymentId");
            Objects.requireNonNull(redirectUrl, "redirectUrl");
        }
    }

    record PayoutRequest(String withdrawalId, PlayerId player, Money amount, String instrumentReference) {
        public PayoutRequest {
            Objects.requireNonNull(withdrawalId, "withdrawalId");
            Objects.requireNonNull(player, "player");
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(instrumentReference, "instrumentReference");
        }
    }

    /** A payout either accepted by the provider (final state arrives by webhook) or refused outright. */
    record PayoutResult(Decision decision, String providerPayoutId, Optional<String> refusalReason) {
        public enum Decision { ACCEPTED, REFUSED }

        public PayoutResult {
            Objects.requireNonNull(decision, "decision");
            Objects.requireNonNull(providerPayoutId, "providerPayoutId");
            Objects.requireNonNull(refusalReason, "refusalReason");
            if ((decision == Decision.REFUSED) != refusalReason.isPresent()) {
                throw new IllegalArgumentException("a refused payout has a reason, and only a refused one");
            }
        }

        public static PayoutResult accepted(String providerPayoutId) {
            return new PayoutResult(Decision.ACCEPTED, providerPayoutId, Optional.empty());
        }

        public static PayoutResult refused(String providerPayoutId, String reason) {
            return new PayoutResult(Decision.REFUSED, providerPayoutId, Optional.of(reason));
        }

        public boolean accepted() {
            return decision == Decision.ACCEPTED;
        }
    }

    /**
     * A verified event: a payment or payout reached a final state. {@code merchantReference} is
     * Fairdraw's deposit or withdrawal id; {@code instrumentReference} is the provider's token of
     * the card or account used, where it has one. {@code startedAs} is the id the provider gave
     * when the deposit started ({@link PaymentSession#providerPaymentId()}), where the notification
     * repeats it: the wallet credits a deposit only from a notification of the very payment it
     * started, so a notification cannot name one deposit and carry another's payment.
     */
    record PaymentEvent(Kind kind, String providerPaymentId, String merchantReference, Money amount, Outcome outcome,
            Optional<String> instrumentReference, Optional<String> reason, Optional<String> startedAs) {
        public enum Kind {
            DEPOSIT,
            PAYOUT
        }

        /** The final state the event reports: the money moved, or it did not (and will not). */
        public enum Outcome {
            SUCCEEDED,
            FAILED;

            public static Outcome of(boolean success) {
                return success ? SUCCEEDED : FAILED;
            }
        }

        public PaymentEvent {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(providerPaymentId, "providerPaymentId");
            Objects.requireNonNull(merchantReference, "merchantReference");
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(instrumentReference, "instrumentReference");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(startedAs, "startedAs");
            requireReference(providerPaymentId, "providerPaymentId");
            requireReference(merchantReference, "merchantReference");
            startedAs.ifPresent(id -> requireReference(id, "startedAs"));
        }

        public boolean succeeded() {
            return outcome == Outcome.SUCCEEDED;
        }

        /** The most characters of an id or reference: far above any provider's, far below DynamoDB's key limit. */
        public static final int MAX_REFERENCE_LENGTH = 200;

        private static void requireReference(String value, String name) {
            if (value.isBlank() || value.length() > MAX_REFERENCE_LENGTH || value.chars().anyMatch(c -> c < 0x21 || c > 0x7E)) {
                throw new IllegalArgumentException(name + " is 1.." + MAX_REFERENCE_LENGTH + " visible ASCII characters");
            }
        }
    }

    /** A notification that must not be acted on: bad or missing signature, stale timestamp, malformed body. */
    final class WebhookRejected extends Exception {
        private final Reason reason;

        public enum Reason {
            SIGNATURE_INVALID,
            STALE,
            MALFORMED
        }

        public WebhookRejected(Reason reason, String message) {
            super(message);
            this.reason = reason;
        }

        public Reason reason() {
            return reason;
        }
    }
}
