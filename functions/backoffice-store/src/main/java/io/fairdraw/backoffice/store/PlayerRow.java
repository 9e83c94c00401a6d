package io.fairdraw.backoffice.store;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/**
 * A player's account state, without personal data: status, identity check, where they live.
 * Name and date of birth are kept apart, encrypted under the player's own key
 * ({@link PersonalData}).
 */
@Entity
@Table(name = "players")
public class PlayerRow extends PanacheEntityBase {
    @Id
    public String id;
    public String status;
    public String kyc;
    public String country;
    public String subdivision;
    public String registeredAt;
    /** When the account last changed; for a closed account, when it was closed. */
    public String updatedAt;
    public boolean removed;
    @Column(nullable = false, precision = 40, scale = 0)
    public BigDecimal sequence;
}
