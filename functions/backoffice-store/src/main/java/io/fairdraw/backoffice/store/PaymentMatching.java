package io.fairdraw.backoffice.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reconciles one payment provider's deposits three ways: the deposits the wallet recorded, the
 * ledger's deposit credits from the provider's clearing account, and (when given) the payments
 * the provider says it settled. Every credited deposit must be exactly one credit of its own
 * amount and one payment of the provider that credited no other deposit; every settled payment
 * must be one credited deposit of the same reference and amount; and per currency, what the
 * ledger credited must equal what the provider settled. Pure: the caller reads the rows.
 */
public final class PaymentMatching {
    /** The most discrepancies one answer lists; the count says how many there were in all. */
    public static final int MAX_LISTED = 200;

    /** A deposit as the wallet recorded it. */
    public record Deposit(String depositId, String provider, long amountMinor, String currency, String status,
            Optional<String> creditedPaymentId) {
    }

    /** A ledger credit of a deposit: its cause (the deposit id), amount and time. */
    public record Credit(String reference, long amountMinor, String currency, Instant at) {
    }

    /** A payment the provider settled. */
    public record Settled(String paymentId, String merchantReference, long amountMinor, String currency, Instant at) {
    }

    public enum Kind {
        /** A credit from the provider's clearing whose cause is no deposit made with this provider. */
        CREDIT_WITHOUT_DEPOSIT,
        /** A deposit marked credited with no credit in the ledger. */
        CREDITED_WITHOUT_CREDIT,
        /** A credit of another amount or currency than its deposit. */
        CREDIT_AMOUNT_DIFFERS,
        /** One provider payment credited two deposits. */
        PAYMENT_CREDITED_TWICE,
        /** A payment the provider settled that credited nothing. */
        SETTLED_NOT_CREDITED,
        /** A credited deposit the provider did not settle, though the report covers its time. */
        CREDITED_NOT_SETTLED,
        /** The provider settled another amount, currency or reference than the deposit it credited. */
        SETTLED_DIFFERS,
        /** The provider reports one payment as settled twice. */
        SETTLED_TWICE
    }

    public record Discrepancy(Kind kind, String depositId, String paymentId, String detail) {
    }

    /** Per currency: what the ledger credited and what the provider settled, over the report's time. */
    public record Totals(String currency, long creditedMinor, long settledMinor) {
    }

    /**
     * {@code awaitingSettlement}: credits after the report's last line, which the next report will
     * carry; {@code discrepancyCount} may exceed the listed ones (at most {@link #MAX_LISTED}).
     */
    public record Books(String provider, boolean balanced, boolean reportCompared, int matched, int awaitingSettlement,
            List<Totals> currencies, int discrepancyCount, List<Discrepancy> discrepancies) {
    }

    private PaymentMatching() {
    }

    public static Books reconcile(String provider, List<Deposit> deposits, List<Credit> credits, Optional<List<Settled>> report) {
        List<Discrepancy> found = new ArrayList<>();
        Map<String, Deposit> byId = new HashMap<>();
        deposits.forEach(d -> byId.put(d.depositId(), d));
        Map<String, Credit> creditByDeposit = new HashMap<>();
        for (Credit credit : credits) {
            Deposit deposit = byId.get(credit.reference());
            if (deposit == null) {
                found.add(new Discrepancy(Kind.CREDIT_WITHOUT_DEPOSIT, null, null, "credit of " + credit.amountMinor() + " "
                        + credit.currency() + " for cause " + credit.reference()));
                continue;
            }
            creditByDeposit.put(deposit.depositId(), credit);
            if (deposit.amountMinor() != credit.amountMinor() || !deposit.currency().equals(credit.currency())) {
                found.add(new Discrepancy(Kind.CREDIT_AMOUNT_DIFFERS, deposit.depositId(), deposit.creditedPaymentId().orElse(null),
                        "credited " + credit.amountMinor() + " " + credit.currency() + " for a deposit of " + deposit.amountMinor() + " "
                                + deposit.currency()));
            }
        }
        Map<String, Deposit> byPayment = new HashMap<>();
        for (Deposit deposit : deposits) {
            if (!"CREDITED".equals(deposit.status())) {
                continue;
            }
            if (!creditByDeposit.containsKey(deposit.depositId())) {
                found.add(new Discrepancy(Kind.CREDITED_WITHOUT_CREDIT, deposit.depositId(), deposit.creditedPaymentId().orElse(null),
                        "marked credited, no credit in the ledger"));
            }
            deposit.creditedPaymentId().ifPresent(payment -> {
                Deposit other = byPayment.putIfAbsent(payment, deposit);
                if (other != null) {
                    found.add(new Discrepancy(Kind.PAYMENT_CREDITED_TWICE, deposit.depositId(), payment,
                            "the same payment also credited " + other.depositId()));
                }
            });
        }
        Map<String, long[]> totals = new TreeMap<>();
        int matched = 0;
        int awaiting = 0;
        if (report.isPresent()) {
            Optional<Instant> coveredUntil = report.get().stream().map(Settled::at).max(Instant::compareTo);
            Map<String, Settled> settledById = new HashMap<>();
            for (Settled settled : report.get()) {
                if (settledById.putIfAbsent(settled.paymentId(), settled) != null) {
                    found.add(new Discrepancy(Kind.SETTLED_TWICE, settled.merchantReference(), settled.paymentId(), "settled twice"));
                    continue;
                }
                totals.computeIfAbsent(settled.currency(), c -> new long[2])[1] += settled.amountMinor();
                Deposit deposit = byPayment.get(settled.paymentId());
                if (deposit == null || !creditByDeposit.containsKey(deposit.depositId())) {
                    found.add(new Discrepancy(Kind.SETTLED_NOT_CREDITED, settled.merchantReference(), settled.paymentId(),
                            "settled " + settled.amountMinor() + " " + settled.currency() + ", credited to no deposit"));
                } else if (!deposit.depositId().equals(settled.merchantReference()) || deposit.amountMinor() != settled.amountMinor()
                        || !deposit.currency().equals(settled.currency())) {
                    found.add(new Discrepancy(Kind.SETTLED_DIFFERS, deposit.depositId(), settled.paymentId(), "settled "
                            + settled.amountMinor() + " " + settled.currency() + " for " + settled.merchantReference()));
                } else {
                    matched++;
                }
            }
            for (Deposit deposit : byPayment.values()) {
                Credit credit = creditByDeposit.get(deposit.depositId());
                if (credit == null || settledById.containsKey(deposit.creditedPaymentId().orElseThrow())) {
                    if (credit != null) {
                        totals.computeIfAbsent(credit.currency(), c -> new long[2])[0] += credit.amountMinor();
                    }
                    continue;
                }
                if (coveredUntil.isEmpty() || credit.at().isAfter(coveredUntil.get())) {
                    awaiting++;
                } else {
                    totals.computeIfAbsent(credit.currency(), c -> new long[2])[0] += credit.amountMinor();
                    found.add(new Discrepancy(Kind.CREDITED_NOT_SETTLED, deposit.depositId(), deposit.creditedPaymentId().orElse(null),
                            "credited " + credit.amountMinor() + " " + credit.currency() + " at " + credit.at() + ", not in the report"));
                }
            }
        } else {
            creditByDeposit.values().forEach(credit -> totals.computeIfAbsent(credit.currency(), c -> new long[2])[0] += credit.amountMinor());
        }
        List<Totals> currencies = new ArrayList<>();
        totals.forEach((currency, sums) -> currencies.add(new Totals(currency, sums[0], sums[1])));
        boolean totalsAgree = report.isEmpty() || currencies.stream().allMatch(t -> t.creditedMinor() == t.settledMinor());
        return new Books(provider, found.isEmpty() && totalsAgree, report.isPresent(), matched, awaiting, currencies, found.size(),
                List.copyOf(found.subList(0, Math.min(found.size(), MAX_LISTED))));
    }
}
