package io.fairdraw.backoffice.store;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Suspicious-activity alerts for anti-money-laundering review, computed from the projected
 * journal and instruments (no alert state is kept: the same range always gives the same alerts):
 * <ul>
 * <li>{@code DEPOSIT_VELOCITY}: a player made at least {@code count} deposits within {@code window};</li>
 * <li>{@code WITHDRAWAL_WITHOUT_PLAY}: a player asked to withdraw within {@code window} of a deposit
 * and staked nothing in between (money passing through);</li>
 * <li>{@code SHARED_INSTRUMENT}: one payment instrument used by at least {@code players} accounts.</li>
 * </ul>
 * Call inside {@link Reporting#read}.
 */
@ApplicationScoped
public class Alerts {
    /** The most transfers one alert run reads; a range holding more must be split. */
    public static final int MAX_TRANSFERS = 200_000;

    public enum Kind { DEPOSIT_VELOCITY, WITHDRAWAL_WITHOUT_PLAY, SHARED_INSTRUMENT }

    /**
     * One alert: what, who, when it arose, and the figures behind it. Its id names it for a case
     * (assigned, closed with an outcome): the time it arose and a hash of what and who, so the
     * same alert computed again has the same id, and the id alone finds it again.
     */
    public record Alert(Kind kind, List<String> playerIds, Instant at, String detail) {
        public String id() {
            byte[] digest = io.fairdraw.model.fairness.Encoding.sha256(
                    (kind + "|" + String.join(",", playerIds) + "|" + at).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return "al_" + at.toEpochMilli() + "_" + java.util.HexFormat.of().formatHex(digest, 0, 8);
        }
    }

    /** The thresholds, from the back office's configuration. */
    public record Rules(int velocityCount, Duration velocityWindow, Duration withoutPlayWindow, int sharedInstrumentPlayers) {
    }

    /** A transfer as the rules read it. */
    private record Move(String playerId, String kind, Instant at, long amountMinor, String currency, String id) {
    }

    /** The alert with this id ({@link Alert#id()}), computed again at the moment it arose; empty when there is none. */
    public Uni<java.util.Optional<Alert>> find(String id, Rules rules) {
        java.util.regex.Matcher parts = java.util.regex.Pattern.compile("al_(\\d{1,15})_[0-9a-f]{16}").matcher(id);
        if (!parts.matches()) {
            return Uni.createFrom().item(java.util.Optional.empty());
        }
        Instant at = Instant.ofEpochMilli(Long.parseLong(parts.group(1)));
        return between(at, at.plusMillis(1), rules).map(found -> found.stream().filter(a -> a.id().equals(id)).findFirst());
    }

    /** Every alert arising in [from, to), oldest first, then the shared instruments as they stand. */
    public Uni<List<Alert>> between(Instant from, Instant to, Rules rules) {
        Instant lookBack = from.minus(rules.velocityWindow().compareTo(rules.withoutPlayWindow()) > 0
                ? rules.velocityWindow() : rules.withoutPlayWindow());
        return Panache.getSession().chain(session -> session.createSelectionQuery(
                "select t.playerId, t.kind, t.at, t.amountMinor, t.currency, t.id from TransferRow t where t.playerId is not null "
                        + "and t.kind in ('DEPOSIT', 'STAKE', 'WITHDRAWAL_REQUESTED') and t.at >= ?1 and t.at < ?2 "
                        + "order by t.playerId, t.at, t.id", Object[].class)
                .setParameter(1, lookBack).setParameter(2, to).setMaxResults(MAX_TRANSFERS + 1).getResultList())
                .map(rows -> {
                    if (rows.size() > MAX_TRANSFERS) {
                        throw io.fairdraw.model.error.ValidationException.of("to",
                                "the range holds more than " + MAX_TRANSFERS + " transfers; ask for a shorter range");
                    }
                    Map<String, List<Move>> byPlayer = new LinkedHashMap<>();
                    for (Object[] r : rows) {
                        Move move = new Move((String) r[0], (String) r[1], (Instant) r[2], (Long) r[3], (String) r[4], (String) r[5]);
                        byPlayer.computeIfAbsent(move.playerId(), p -> new ArrayList<>()).add(move);
                    }
                    List<Alert> alerts = new ArrayList<>();
                    byPlayer.values().forEach(moves -> {
                        velocity(moves, from, rules).ifPresent(alerts::add);
                        alerts.addAll(withoutPlay(moves, from, rules));
                    });
                    alerts.sort(Comparator.comparing(Alert::at).thenComparing(a -> a.kind().name()));
                    return alerts;
                })
                .chain(alerts -> sharedInstruments(rules.sharedInstrumentPlayers()).map(shared -> {
                    alerts.addAll(shared);
                    return alerts;
                }));
    }

    /** The first moment in the range at which a window held {@code count} deposits. */
    private static java.util.Optional<Alert> velocity(List<Move> moves, Instant from, Rules rules) {
        List<Move> deposits = moves.stream().filter(m -> m.kind().equals("DEPOSIT")).toList();
        int start = 0;
        for (int end = 0; end < deposits.size(); end++) {
            while (Duration.between(deposits.get(start).at(), deposits.get(end).at()).compareTo(rules.velocityWindow()) > 0) {
                start++;
            }
            int count = end - start + 1;
            if (count >= rules.velocityCount() && !deposits.get(end).at().isBefore(from)) {
                long total = deposits.subList(start, end + 1).stream().mapToLong(Move::amountMinor).sum();
                return java.util.Optional.of(new Alert(Kind.DEPOSIT_VELOCITY, List.of(deposits.get(end).playerId()), deposits.get(end).at(),
                        count + " deposits within " + rules.velocityWindow() + ", " + total + " " + deposits.get(end).currency() + " minor units"));
            }
        }
        return java.util.Optional.empty();
    }

    /** Each withdrawal in the range asked within the window of a deposit with no stake after that deposit. */
    private static List<Alert> withoutPlay(List<Move> moves, Instant from, Rules rules) {
        List<Alert> alerts = new ArrayList<>();
        Move lastDeposit = null;
        boolean playedSince = false;
        for (Move move : moves) {
            switch (move.kind()) {
                case "DEPOSIT" -> {
                    lastDeposit = move;
                    playedSince = false;
                }
                case "STAKE" -> playedSince = true;
                default -> {
                    boolean soon = lastDeposit != null
                            && Duration.between(lastDeposit.at(), move.at()).compareTo(rules.withoutPlayWindow()) <= 0;
                    if (soon && !playedSince && !move.at().isBefore(from)) {
                        alerts.add(new Alert(Kind.WITHDRAWAL_WITHOUT_PLAY, List.of(move.playerId()), move.at(),
                                "withdrawal " + move.id() + " of " + move.amountMinor() + " " + move.currency() + " minor units "
                                        + Duration.between(lastDeposit.at(), move.at()).toMinutes() + " minutes after deposit "
                                        + lastDeposit.id() + ", nothing staked in between"));
                    }
                }
            }
        }
        return alerts;
    }

    private static Uni<List<Alert>> sharedInstruments(int players) {
        return Panache.getSession().chain(session -> session.createSelectionQuery(
                "select i.provider, i.reference, i.playerId, i.lastUsedAt from InstrumentRow i where i.removed = false and exists "
                        + "(select 1 from InstrumentRow o where o.provider = i.provider and o.reference = i.reference "
                        + "and o.removed = false and o.playerId <> i.playerId) order by i.provider, i.reference, i.playerId", Object[].class)
                .getResultList())
                .map(rows -> {
                    Map<String, Set<String>> byInstrument = new LinkedHashMap<>();
                    Map<String, String> lastUse = new LinkedHashMap<>();
                    for (Object[] r : rows) {
                        String instrument = r[0] + ":" + r[1];
                        byInstrument.computeIfAbsent(instrument, k -> new TreeSet<>()).add((String) r[2]);
                        String used = (String) r[3];
                        lastUse.merge(instrument, used == null ? "" : used, (a, b) -> a.compareTo(b) >= 0 ? a : b);
                    }
                    List<Alert> alerts = new ArrayList<>();
                    byInstrument.forEach((instrument, owners) -> {
                        if (owners.size() >= players) {
                            String used = lastUse.get(instrument);
                            alerts.add(new Alert(Kind.SHARED_INSTRUMENT, List.copyOf(owners), used.isEmpty() ? Instant.EPOCH : Instant.parse(used),
                                    owners.size() + " accounts use the " + instrument.substring(0, instrument.indexOf(':')) + " instrument "
                                            + instrument.substring(instrument.indexOf(':') + 1)));
                        }
                    });
                    return alerts;
                });
    }
}
