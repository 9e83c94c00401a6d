package io.fairdraw.backoffice.store;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * The case an operator works on an alert: assigned to someone, then closed with an outcome and a
 * reason. Alerts themselves are computed, so the case is keyed by the alert's id; the version
 * column makes two operators acting on one case at once conflict instead of both winning.
 */
@Entity
@Table(name = "alert_cases")
public class AlertCase extends PanacheEntityBase {
    public enum Status { ASSIGNED, CLOSED }

    /** CLEARED: explained, nothing to report. REPORTED: a suspicious-activity report was filed. */
    public enum Outcome { CLEARED, REPORTED }

    @Id
    public String alertId;
    @Column(nullable = false)
    public String kind;
    @Column(nullable = false, length = 2000)
    public String playerIds;
    @Column(nullable = false)
    @Enumerated(EnumType.STRING)
    public Status status;
    @Column(nullable = false)
    public String assignee;
    @Enumerated(EnumType.STRING)
    public Outcome outcome;
    @Column(length = 500)
    public String note;
    @Column(nullable = false)
    public String updatedBy;
    @Column(nullable = false)
    public Instant updatedAt;
    @Version
    public long version;
}
