package io.fairdraw.backoffice.store;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/** A withdrawal's latest state as projected, for the review queue (the row keeps the highest sequence number). */
@Entity
@Table(name = "withdrawals", indexes = @Index(name = "withdrawals_by_status", columnList = "status, createdAt"))
public class WithdrawalRow extends PanacheEntityBase {
    @Id
    public String id;
    public String playerId;
    public long amountMinor;
    public String currency;
    public String provider;
    public String status;
    public String reason;
    public String createdAt;
    public boolean removed;
    @Column(nullable = false, precision = 40, scale = 0)
    public BigDecimal sequence;
}
