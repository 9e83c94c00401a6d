package io.fairdraw.backoffice.store;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/**
 * One liability budget shard of a selection in a draw, as betting keeps it: what the
 * selection's tickets would pay out if it won ({@code exposureMinor}) against the shard's share
 * of the selection's limit. A selection's exposure is the sum over its shards.
 */
@Entity
@Table(name = "exposures", indexes = @Index(name = "exposures_by_draw", columnList = "drawId"))
public class ExposureRow extends PanacheEntityBase {
    /** The budget item's key: draw # bet type # selection # shard. */
    @Id
    public String id;
    @Column(nullable = false)
    public String drawId;
    @Column(nullable = false)
    public String betType;
    @Column(nullable = false)
    public String selection;
    public long exposureMinor;
    public long limitMinor;
    @Column(nullable = false, precision = 40, scale = 0)
    public BigDecimal sequence;
}
