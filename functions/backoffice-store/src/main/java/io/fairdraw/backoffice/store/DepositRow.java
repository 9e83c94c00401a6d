package io.fairdraw.backoffice.store;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/**
 * A deposit's latest state as projected (the row keeps the highest sequence number), for
 * reconciling the ledger's credits with the payment providers' books: the id the provider gave
 * the payment when it started and the id of the payment that credited it.
 */
@Entity
@Table(name = "deposits", indexes = @Index(name = "deposits_by_provider", columnList = "provider, status"))
public class DepositRow extends PanacheEntityBase {
    @Id
    public String id;
    public String playerId;
    public long amountMinor;
    public String currency;
    public String provider;
    public String status;
    public String startedAs;
    public String creditedPaymentId;
    public String createdAt;
    public boolean removed;
    @Column(nullable = false, precision = 40, scale = 0)
    public BigDecimal sequence;
}
