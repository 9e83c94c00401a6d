package io.fairdraw.backoffice.store;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One change to one item of a table: who ({@code actor}), from which request, when, to what.
 * Keyed by the stream's event id, so a replayed record adds nothing. {@code detail} is the new
 * image in DynamoDB JSON without the personal attributes.
 */
@Entity
@Table(name = "audit_trail", indexes = {
        @Index(name = "audit_by_time", columnList = "at, eventId"),
        @Index(name = "audit_by_player", columnList = "playerId, at"),
        @Index(name = "audit_by_draw", columnList = "drawId, at")})
public class AuditEntry extends PanacheEntityBase {
    @Id
    public String eventId;
    @Column(nullable = false)
    public String tableName;
    @Column(nullable = false)
    public String eventName;
    @Column(nullable = false, length = 1024)
    public String itemKey;
    public String playerId;
    public String drawId;
    public String actor;
    public String requestId;
    @Column(nullable = false)
    public Instant at;
    @Column(nullable = false, precision = 40, scale = 0)
    public BigDecimal sequence;
    @Column(columnDefinition = "text")
    public String detail;
}
