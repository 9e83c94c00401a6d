package io.fairdraw.backoffice.store;

import io.fairdraw.model.ledger.AccountId;
import io.fairdraw.model.ledger.AccountType;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What operators and auditors read, computed from the projected journal. Every figure is a sum
 * of transfers in integer minor units; nothing is kept as a running total that could drift from
 * the ledger. Call inside {@link Reporting#read}.
 */
@ApplicationScoped
public class Reports {
    /** The most rows one page of a list returns. */
    public static final int MAX_PAGE = 500;

    /** A draw's money: tickets sold, refunds, winnings paid to its tickets, and what the house kept. */
    public record DrawReport(String drawId, String gameId, String status, String currency, long tickets, long salesMinor,
            long refundsMinor, long winningsMinor, long ggrMinor, Long settledSalesMinor, Long settledPayoutsMinor) {
    }

    /** One UTC day in one currency. GGR is stakes less refunds less winnings. */
    public record Day(LocalDate day, String currency, long depositsMinor, long withdrawalsPaidMinor, long stakesMinor,
            long refundsMinor, long winningsMinor, long ggrMinor, long tickets) {
    }

    /** One account's balance as the projected journal gives it. */
    public record Balance(String account, String currency, long balanceMinor) {
    }

    /** Per currency: the signed sum of every account (zero when the books balance) and the total by account type. */
    public record Reconciliation(String currency, long signedSumMinor, Map<String, Long> byAccountTypeMinor, int accounts,
            List<Balance> negativeWhereNotAllowed) {
    }

    /** A selection's liability in a draw: what it would pay if it won, against its limit, over every budget shard. */
    public record Exposure(String betType, String selection, long exposureMinor, long limitMinor) {
    }

    public record Page<T>(List<T> items, Optional<AuditCursor> next) {
    }

    /** Where an audit page ends: the time and event id of its last entry. */
    public record AuditCursor(Instant at, String eventId) {
    }

    public record AuditFilter(Optional<String> playerId, Optional<String> drawId, Instant from, Instant to) {
    }

    public Uni<Optional<DrawReport>> draw(String drawId) {
        return DrawRow.<DrawRow>findById(drawId).chain(draw -> {
            Uni<Object[]> stakes = sumAndCount("from TransferRow t where t.drawId = ?1 and t.kind = 'STAKE'", drawId);
            Uni<Object[]> refunds = sumAndCount("from TransferRow t where t.drawId = ?1 and t.kind = 'REFUND'", drawId);
            Uni<Object[]> winnings = sumAndCount("from TransferRow t where t.kind = 'WINNINGS' and t.reference in "
                    + "(select s.reference from TransferRow s where s.drawId = ?1 and s.kind = 'STAKE')", drawId);
            return stakes.chain(s -> refunds.chain(r -> winnings.map(w -> {
                long tickets = (Long) s[1];
                if (draw == null && tickets == 0) {
                    return Optional.<DrawReport>empty();
                }
                long sales = (Long) s[0];
                long refunded = (Long) r[0];
                long won = (Long) w[0];
                return Optional.of(new DrawReport(drawId, draw == null ? null : draw.gameId, draw == null ? null : draw.status,
                        draw == null ? null : draw.currency, tickets, sales, refunded, won, sales - refunded - won,
                        draw == null ? null : draw.salesMinor, draw == null ? null : draw.payoutsMinor));
            })));
        });
    }

    private static Uni<Object[]> sumAndCount(String from, String parameter) {
        return Panache.getSession().chain(session -> session
                .createSelectionQuery("select coalesce(sum(t.amountMinor), 0), count(t) " + from, Object[].class)
                .setParameter(1, parameter).getSingleResult());
    }

    /** A draw's selections by what they would pay out, the largest first: the draw's top exposures before it is drawn. */
    public Uni<List<Exposure>> exposures(String drawId, int limit) {
        return Panache.getSession().chain(session -> session.createSelectionQuery(
                "select e.betType, e.selection, sum(e.exposureMinor), sum(e.limitMinor) from ExposureRow e where e.drawId = ?1 "
                        + "group by e.betType, e.selection order by sum(e.exposureMinor) desc, e.betType, e.selection", Object[].class)
                .setParameter(1, drawId).setMaxResults(Math.min(Math.max(limit, 1), MAX_PAGE)).getResultList())
                .map(rows -> rows.stream().map(r -> new Exposure((String) r[0], (String) r[1], (Long) r[2], (Long) r[3])).toList());
    }

    /** Days from {@code from} to {@code to} inclusive, oldest first, one row per day and currency with any movement. */
    public Uni<List<Day>> days(LocalDate from, LocalDate to) {
        return Panache.getSession().chain(session -> session.createSelectionQuery(
                "select t.day, t.currency, t.kind, sum(t.amountMinor), count(t) from TransferRow t "
                        + "where t.day >= ?1 and t.day <= ?2 group by t.day, t.currency, t.kind", Object[].class)
                .setParameter(1, from).setParameter(2, to).getResultList()).map(rows -> {
                    Map<String, long[]> byDay = new TreeMap<>();
                    for (Object[] row : rows) {
                        long[] figures = byDay.computeIfAbsent(row[0] + "|" + row[1], k -> new long[6]);
                        long sum = (Long) row[3];
                        switch ((String) row[2]) {
                            case "DEPOSIT" -> figures[0] += sum;
                            case "WITHDRAWAL_PAID" -> figures[1] += sum;
                            case "STAKE" -> {
                                figures[2] += sum;
                                figures[5] += (Long) row[4];
                            }
                            case "REFUND" -> figures[3] += sum;
                            case "WINNINGS" -> figures[4] += sum;
                            default -> {
                                // capital, escrow to house, jackpot moves, withdrawals in flight, corrections: not trading figures
                            }
                        }
                    }
                    List<Day> days = new ArrayList<>();
                    byDay.forEach((key, f) -> {
                        String[] parts = key.split("\\|");
                        days.add(new Day(LocalDate.parse(parts[0]), parts[1], f[0], f[1], f[2], f[3], f[4], f[2] - f[3] - f[4], f[5]));
                    });
                    return days;
                });
    }

    /** Every account's balance from the journal: what was credited less what was debited. */
    public Uni<List<Balance>> balances() {
        return Panache.getSession().chain(session -> session.createSelectionQuery(
                "select t.credit, sum(t.amountMinor) from TransferRow t group by t.credit", Object[].class).getResultList()
                .chain(credits -> session.createSelectionQuery(
                        "select t.debit, sum(t.amountMinor) from TransferRow t group by t.debit", Object[].class).getResultList()
                        .map(debits -> {
                            Map<String, Long> balances = new TreeMap<>();
                            credits.forEach(row -> balances.merge((String) row[0], (Long) row[1], Long::sum));
                            debits.forEach(row -> balances.merge((String) row[0], -(Long) row[1], Long::sum));
                            List<Balance> list = new ArrayList<>();
                            balances.forEach((account, minor) -> list.add(
                                    new Balance(account, account.substring(account.length() - 3), minor)));
                            return list;
                        })));
    }

    /** The books per currency: the signed sum (zero), totals by account type, and any balance that breaks its account's rule. */
    public Uni<List<Reconciliation>> reconciliation() {
        return balances().map(balances -> {
            Map<String, List<Balance>> byCurrency = new TreeMap<>();
            balances.forEach(b -> byCurrency.computeIfAbsent(b.currency(), c -> new ArrayList<>()).add(b));
            List<Reconciliation> result = new ArrayList<>();
            byCurrency.forEach((currency, list) -> {
                Map<String, Long> byType = new TreeMap<>();
                List<Balance> breaches = new ArrayList<>();
                long sum = 0;
                for (Balance balance : list) {
                    AccountType type = new AccountId(balance.account()).type();
                    byType.merge(type.prefix(), balance.balanceMinor(), Long::sum);
                    sum += balance.balanceMinor();
                    if (balance.balanceMinor() < 0 && !type.mayGoNegative()) {
                        breaches.add(balance);
                    }
                }
                result.add(new Reconciliation(currency, sum, byType, list.size(), breaches));
            });
            return result;
        });
    }

    /** The audit trail in time order, filtered, one page after the cursor. */
    public Uni<Page<AuditEntry>> audit(AuditFilter filter, Optional<AuditCursor> after, int limit) {
        StringBuilder where = new StringBuilder("at >= :from and at < :to");
        io.quarkus.panache.common.Parameters parameters = io.quarkus.panache.common.Parameters.with("from", filter.from())
                .and("to", filter.to());
        filter.playerId().ifPresent(p -> {
            where.append(" and playerId = :player");
            parameters.and("player", p);
        });
        filter.drawId().ifPresent(d -> {
            where.append(" and drawId = :draw");
            parameters.and("draw", d);
        });
        after.ifPresent(cursor -> {
            where.append(" and (at > :afterAt or (at = :afterAt and eventId > :afterId))");
            parameters.and("afterAt", cursor.at()).and("afterId", cursor.eventId());
        });
        int size = Math.min(Math.max(limit, 1), MAX_PAGE);
        return AuditEntry.<AuditEntry>find(where + " order by at, eventId", parameters).range(0, size).list().map(rows -> {
            List<AuditEntry> items = rows.size() > size ? rows.subList(0, size) : rows;
            Optional<AuditCursor> next = rows.size() > size
                    ? Optional.of(new AuditCursor(items.get(size - 1).at, items.get(size - 1).eventId))
                    : Optional.empty();
            return new Page<>(items, next);
        });
    }
}
