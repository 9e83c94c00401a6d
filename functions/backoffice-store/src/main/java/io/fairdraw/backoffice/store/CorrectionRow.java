package io.fairdraw.backoffice.store;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A correcting transfer on its way: proposed by one operator, approved (then applied to the
 * ledger under its own id, so at most once) or rejected by another. The version column makes two
 * concurrent decisions on one proposal conflict instead of both winning.
 */
@Entity
@Table(name = "corrections")
public class CorrectionRow extends PanacheEntityBase {
    /** PROPOSED, then REJECTED, or APPROVED (decided, not yet applied) and APPLIED (in the ledger). */
    public enum Status { PROPOSED, APPROVED, APPLIED, REJECTED }

    @Id
    public String id;
    @Column(nullable = false)
    public String debit;
    @Column(nullable = false)
    public String credit;
    public long amountMinor;
    @Column(nullable = false, length = 3)
    public String currency;
    @Column(nullable = false, length = 500)
    public String reason;
    @Column(nullable = false)
    public String proposedBy;
    @Column(nullable = false)
    public String proposedRequest;
    @Column(nullable = false)
    public Instant proposedAt;
    public String decidedBy;
    public String decidedRequest;
    public Instant decidedAt;
    @Column(length = 500)
    public String decisionNote;
    @Column(nullable = false)
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public Status status;
    public String transferId;
    @Version
    public long version;
}
