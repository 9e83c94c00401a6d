package io.fairdraw.localcloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The sandbox provider's own books: every payment the wallet registered and what became of it,
 * every payout and its confirmation. They are the provider's side of the money, kept apart from
 * Fairdraw's ledger as a real provider's are, so reconciling the two can find a difference.
 * Appended to a JSON-lines file under the data directory, so they outlive a restart as the ledger
 * in DynamoDB Local does. The settlement report is written in the columns of Adyen's Settlement
 * details report (docs/wallet.md), so one reader serves both providers.
 */
final class SandboxRecords {
    static final String REPORT_HEADER = "Company Account,Merchant Account,Psp Reference,Merchant Reference,Payment Method,Creation Date,"
            + "TimeZone,Type,Modification Reference,Gross Currency,Gross Debit (GC),Gross Credit (GC),Exchange Rate,Net Currency,"
            + "Net Debit (NC),Net Credit (NC),Commission (NC),Markup (NC),Scheme Fees (NC),Interchange (NC),Payment Method Variant,"
            + "Modification Merchant Reference,Batch Number";
    private static final String ACCOUNT = "FairdrawSandbox";
    private static final DateTimeFormatter REPORT_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final int MAX_ID_LENGTH = 64;
    private static final int MAX_REFERENCE_LENGTH = 200;

    enum Registration { CREATED, SAME, CONFLICT }

    /** Times are ISO-8601 text, as they are kept in the file. */
    record Payment(String paymentId, String reference, long amountMinor, String currency, String returnUrl, String status,
            String createdAt, String settledAt) {
    }

    record Payout(String payoutId, String reference, long amountMinor, String currency, String status, String createdAt) {
    }

    private final Path file;
    private final Map<String, Payment> payments = new LinkedHashMap<>();
    private final Map<String, Payout> payouts = new LinkedHashMap<>();

    SandboxRecords(Path file) {
        this.file = file;
        replay();
    }

    synchronized Registration registerPayment(JsonNode request) {
        String id = id(request, "paymentId");
        Payment asked = new Payment(id, text(request, "reference", MAX_REFERENCE_LENGTH), amount(request), currency(request),
                request.path("returnUrl").asText(""), "PENDING", Instant.now().toString(), null);
        Payment known = payments.get(id);
        if (known != null) {
            boolean same = known.reference().equals(asked.reference()) && known.amountMinor() == asked.amountMinor()
                    && known.currency().equals(asked.currency());
            return same ? Registration.SAME : Registration.CONFLICT;
        }
        remember(asked);
        return Registration.CREATED;
    }

    synchronized Registration registerPayout(JsonNode request) {
        String id = id(request, "payoutId");
        Payout asked = new Payout(id, text(request, "reference", MAX_REFERENCE_LENGTH), amount(request), currency(request), "SENT", Instant.now().toString());
        Payout known = payouts.get(id);
        if (known != null) {
            boolean same = known.reference().equals(asked.reference()) && known.amountMinor() == asked.amountMinor();
            return same ? Registration.SAME : Registration.CONFLICT;
        }
        remember(asked);
        return Registration.CREATED;
    }

    synchronized Optional<Payment> payment(String id) {
        return Optional.ofNullable(payments.get(id));
    }

    synchronized Optional<Payout> payout(String id) {
        return Optional.ofNullable(payouts.get(id));
    }

    /** Pays or declines a pending payment; false when it was already decided (a session is paid once). */
    synchronized boolean settle(String paymentId, boolean paid) {
        Payment payment = payments.get(paymentId);
        if (payment == null || !payment.status().equals("PENDING")) {
            return false;
        }
        remember(new Payment(payment.paymentId(), payment.reference(), payment.amountMinor(), payment.currency(), payment.returnUrl(),
                paid ? "PAID" : "DECLINED", payment.createdAt(), Instant.now().toString()));
        return true;
    }

    synchronized void settlePayout(String payoutId) {
        Payout payout = payouts.get(payoutId);
        if (payout != null && payout.status().equals("SENT")) {
            remember(new Payout(payout.payoutId(), payout.reference(), payout.amountMinor(), payout.currency(), "PAID", payout.createdAt()));
        }
    }

    synchronized List<Payment> payments() {
        return List.copyOf(payments.values());
    }

    /** Every paid deposit as a Settled line, oldest first; amounts in major units with the currency's decimals. */
    synchronized String settlementReport() {
        StringBuilder report = new StringBuilder(REPORT_HEADER).append('\n');
        payments.values().stream().filter(p -> p.status().equals("PAID")).sorted(Comparator.comparing(Payment::settledAt)).forEach(p -> {
            String gross = major(p.amountMinor(), p.currency());
            report.append(String.join(",", ACCOUNT, ACCOUNT, p.paymentId(), p.reference(), "sandbox", REPORT_TIME.format(Instant.parse(p.settledAt())), "UTC",
                    "Settled", p.paymentId(), p.currency(), "", gross, "1", p.currency(), "", gross, "0", "", "", "", "sandbox", "", "1"))
                    .append('\n');
        });
        return report.toString();
    }

    private static String major(long minor, String currency) {
        return BigDecimal.valueOf(minor, Currency.getInstance(currency).getDefaultFractionDigits()).toPlainString();
    }

    private void remember(Object record) {
        ObjectNode line = Json.MAPPER.valueToTree(record);
        line.put("record", record instanceof Payment ? "payment" : "payout");
        apply(line);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, Json.text(line).replace('\n', ' ') + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("the sandbox's records cannot be written to " + file, e);
        }
    }

    private void replay() {
        if (!Files.exists(file)) {
            return;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    apply(Json.parse(line.getBytes(StandardCharsets.UTF_8)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the sandbox's records cannot be read from " + file, e);
        }
    }

    private void apply(JsonNode line) {
        if (line.path("record").asText().equals("payment")) {
            Payment payment = Json.MAPPER.convertValue(withoutRecord(line), Payment.class);
            payments.put(payment.paymentId(), payment);
        } else {
            Payout payout = Json.MAPPER.convertValue(withoutRecord(line), Payout.class);
            payouts.put(payout.payoutId(), payout);
        }
    }

    private static JsonNode withoutRecord(JsonNode line) {
        ObjectNode copy = line.deepCopy();
        copy.remove("record");
        return copy;
    }

    private static String id(JsonNode request, String field) {
        String id = text(request, field, MAX_ID_LENGTH);
        if (!id.matches("[A-Za-z0-9_]+")) {
            throw new IllegalArgumentException(field + " is letters, digits and underscores");
        }
        return id;
    }

    private static String text(JsonNode request, String field, int maxLength) {
        String value = request.path(field).asText("");
        if (value.isBlank() || value.length() > maxLength || value.contains(",") || value.contains("\n")) {
            throw new IllegalArgumentException(field + " is required: 1.." + maxLength + " characters, no commas or line breaks");
        }
        return value;
    }

    private static long amount(JsonNode request) {
        JsonNode amount = request.path("amount").path("amount");
        if (!amount.canConvertToExactIntegral() || amount.longValue() <= 0) {
            throw new IllegalArgumentException("amount.amount is a positive whole number of minor units");
        }
        return amount.longValue();
    }

    private static String currency(JsonNode request) {
        String code = request.path("amount").path("currency").asText("");
        try {
            return Objects.requireNonNull(Currency.getInstance(code)).getCurrencyCode();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("amount.currency is an ISO 4217 code");
        }
    }
}
