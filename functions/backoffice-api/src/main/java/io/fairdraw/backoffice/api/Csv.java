package io.fairdraw.backoffice.api;

import java.util.List;

/**
 * RFC 4180 CSV of audit entries. A cell that a spreadsheet would read as a formula (starting
 * with {@code = + - @}, a tab or a carriage return) is prefixed with an apostrophe, so an
 * exported value can never run as one.
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
}
