package io.fairdraw.backoffice.api;

import io.fairdraw.backoffice.store.PaymentMatching;
import io.fairdraw.model.error.ValidationException;
import io.fairdraw.model.money.CurrencyCode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a provider's settlement report in the columns of Adyen's Settlement details report
 * (https://docs.adyen.com/reporting/settlement-reconciliation/transaction-level/settlement-details-report):
 * a header line, then one line per entry. Columns are found by their header names, so added or
 * reordered columns do not matter. Only {@code Settled} lines are payments received; other types
 * (fees, refunds, chargebacks, payouts) are counted and left out. Gross amounts are decimals in
 * major units, turned into minor units exactly (a fraction of a minor unit is refused). The
 * sandbox provider writes the same columns, so one reader serves both.
 */
final class SettlementReports {
    /** A report holds at most this many lines (the 1 MiB body limit comes first for Adyen's longest lines). */
    static final int MAX_LINES = 20_000;
    static final String SETTLED = "Settled";
    private static final DateTimeFormatter CREATION = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final List<String> REQUIRED = List.of("Psp Reference", "Merchant Reference", "Type", "Gross Currency",
            "Gross Credit (GC)", "Creation Date", "TimeZone");

    record Report(List<PaymentMatching.Settled> settled, Map<String, Integer> otherTypes) {
    }

    private SettlementReports() {
    }

    static Report read(String csv) {
        List<List<String>> rows = Csv.parse(csv, MAX_LINES + 1);
        if (rows.isEmpty()) {
            throw ValidationException.of("report", "is empty; a header line is required");
        }
        Map<String, Integer> column = new HashMap<>();
        List<String> header = rows.get(0);
        for (int i = 0; i < header.size(); i++) {
            column.put(header.get(i).strip(), i);
        }
        for (String required : REQUIRED) {
            if (!column.containsKey(required)) {
                throw ValidationException.of("report", "has no column '" + required + "'");
            }
        }
        List<PaymentMatching.Settled> settled = new ArrayList<>();
        Map<String, Integer> others = new HashMap<>();
        for (int line = 1; line < rows.size(); line++) {
            List<String> row = rows.get(line);
            if (row.size() == 1 && row.get(0).isBlank()) {
                continue;
            }
            String type = cell(row, column, "Type", line);
            if (!type.equals(SETTLED)) {
                others.merge(type, 1, Integer::sum);
                continue;
            }
            settled.add(settledLine(row, column, line));
        }
        return new Report(List.copyOf(settled), Map.copyOf(others));
    }

    private static PaymentMatching.Settled settledLine(List<String> row, Map<String, Integer> column, int line) {
        String currency = cell(row, column, "Gross Currency", line);
        CurrencyCode code;
        try {
            code = CurrencyCode.of(currency);
        } catch (ValidationException e) {
            throw ValidationException.of("report.line[" + line + "]", "names no currency Fairdraw holds: " + currency);
        }
        long minor;
        try {
            minor = new BigDecimal(cell(row, column, "Gross Credit (GC)", line)).movePointRight(code.minorDigits()).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw ValidationException.of("report.line[" + line + "]", "has a gross credit that is not a whole number of minor units");
        }
        return new PaymentMatching.Settled(cell(row, column, "Psp Reference", line), cell(row, column, "Merchant Reference", line), minor,
                code.code(), createdAt(row, column, line));
    }

    private static Instant createdAt(List<String> row, Map<String, Integer> column, int line) {
        try {
            ZoneId zone = ZoneId.of(cell(row, column, "TimeZone", line), ZoneId.SHORT_IDS);
            return LocalDateTime.parse(cell(row, column, "Creation Date", line), CREATION).atZone(zone).toInstant();
        } catch (java.time.DateTimeException e) {
            throw ValidationException.of("report.line[" + line + "]", "has a creation date or time zone that cannot be read");
        }
    }

    private static String cell(List<String> row, Map<String, Integer> column, String name, int line) {
        int index = column.get(name);
        String value = index < row.size() ? row.get(index).strip() : "";
        if (value.isEmpty()) {
            throw ValidationException.of("report.line[" + line + "]", "has no '" + name + "'");
        }
        return value;
    }
}
