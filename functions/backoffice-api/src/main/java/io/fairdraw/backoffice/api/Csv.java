package io.fairdraw.backoffice.api;

import io.fairdraw.model.error.ValidationException;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV: audit entries out, providers' reports in. A cell written out that a spreadsheet
 * would read as a formula (starting with {@code = + - @}, a tab or a carriage return) is prefixed
 * with an apostrophe, so an exported value can never run as one.
 */
final class Csv {
    private static final String HEADER = "eventId,at,table,event,key,playerId,drawId,actor,requestId,detail\r\n";

    private Csv() {
    }

    static String audit(List<BackOfficeViews.AuditView> rows) {
        StringBuilder csv = new StringBuilder(HEADER);
        for (BackOfficeViews.AuditView row : rows) {
            line(csv, row.eventId(), row.at().toString(), row.table(), row.event(), row.key(), row.playerId(), row.drawId(),
                    row.actor(), row.requestId(), row.detail());
        }
        return csv.toString();
    }

    private static void line(StringBuilder csv, String... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(cell(cells[i]));
        }
        csv.append("\r\n");
    }

    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String safe = "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }

    /**
     * The rows of a CSV text: fields split on commas, quoted fields may hold commas, line breaks and
     * doubled quotes; lines end with CRLF or LF. More than {@code maxRows} rows, or a quote left
     * open, is refused.
     */
    static List<List<String>> parse(String text, int maxRows) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                if (rows.size() > maxRows) {
                    throw ValidationException.of("report", "has more than " + maxRows + " lines");
                }
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw ValidationException.of("report", "ends inside a quoted field");
        }
        if (!field.isEmpty() || !row.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
        }
        if (rows.size() > maxRows) {
            throw ValidationException.of("report", "has more than " + maxRows + " lines");
        }
        return rows;
    }
}
