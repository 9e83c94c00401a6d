package io.fairdraw.backoffice.store;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/**
 * A payment instrument a player has used (the provider's token for a card or account, never the
 * number itself), for the shared-instrument alert: one instrument behind many accounts.
 */
@Entity
@Table(name = "payment_instruments", indexes = @Index(name = "instruments_by_reference", columnList = "provider, reference"))
public class InstrumentRow extends PanacheEntityBase {
    /** The item's key: player id and instrument id. */
    @Id
    public String id;
    public String playerId;
    public String provider;
    public String reference;
    public String lastUsedAt;
    public boolean removed;
    @Column(nullable = false, precision = 40, scale = 0)
    public BigDecimal sequence;
}
