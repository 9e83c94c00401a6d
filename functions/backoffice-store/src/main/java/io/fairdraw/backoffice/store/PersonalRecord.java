package io.fairdraw.backoffice.store;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/**
 * A player's personal data (display name, date of birth), kept apart from everything else and
 * readable only with the player's data key: AES-GCM, the player id as associated data.
 */
@Entity
@Table(name = "player_personal")
public class PersonalRecord extends PanacheEntityBase {
    @Id
    public String playerId;
    @Column(nullable = false)
    public byte[] sealed;
    @Column(nullable = false, precision = 40, scale = 0)
    public BigDecimal sequence;
}
