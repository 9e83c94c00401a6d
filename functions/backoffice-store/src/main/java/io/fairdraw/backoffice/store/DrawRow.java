package io.fairdraw.backoffice.store;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/** A draw's latest state as projected: the row keeps the change with the highest sequence number. */
@Entity
@Table(name = "draws")
public class DrawRow extends PanacheEntityBase {
    @Id
    public String id;
    public String gameId;
    public String status;
    public String drawTime;
    public String currency;
    /** Figures the draw item carries once settled (sales, payouts, GGR), as settlement wrote them. */
    public Long salesMinor;
    public Long payoutsMinor;
    public Long ggrMinor;
    public boolean removed;
    @Column(nullable = false, precision = 40, scale = 0)
    public BigDecimal sequence;
}
