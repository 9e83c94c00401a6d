package io.fairdraw.backoffice.store;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A ledger transfer as projected: immutable in DynamoDB, so the first record of it is all there
 * is. {@code drawId} is the draw whose escrow it moves (stakes, refunds, the move to the house);
 * {@code playerId} the player whose wallet or pending withdrawal it touches; {@code day} the UTC
 * day of its time, for the daily report.
 */
@Entity
@Table(name = "transfers", indexes = {
        @Index(name = "transfers_by_day", columnList = "day"),
        @Index(name = "transfers_by_draw", columnList = "drawId"),
        @Index(name = "transfers_by_player", columnList = "playerId"),
        @Index(name = "transfers_by_reference", columnList = "reference")})
public class TransferRow extends PanacheEntityBase {
    @Id
    public String id;
    @Column(nullable = false)
    public String debit;
    @Column(nullable = false)
    public String credit;
    public long amountMinor;
    @Column(nullable = false, length = 3)
    public String currency;
    @Column(nullable = false)
    public String kind;
    @Column(nullable = false, length = 200)
    public String reference;
    @Column(nullable = false)
    public Instant at;
    @Column(nullable = false)
    public LocalDate day;
    public String drawId;
    public String playerId;
    public String actor;
    public String requestId;
    @Column(nullable = false, precision = 40, scale = 0)
    public BigDecimal sequence;
}
