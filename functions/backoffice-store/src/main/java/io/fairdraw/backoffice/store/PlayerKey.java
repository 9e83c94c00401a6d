package io.fairdraw.backoffice.store;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A player's data key (AES-256), wrapped under the store's key-encryption key. Erasing the
 * player destroys the key and keeps the row as a tombstone ({@code key} null, {@code erasedAt}
 * set), so a replayed stream cannot give the player a new key and bring the data back.
 */
@Entity
@Table(name = "player_keys")
public class PlayerKey extends PanacheEntityBase {
    @Id
    public String playerId;
    public byte[] wrappedKey;
    public Instant createdAt;
    public Instant erasedAt;
    public String erasedBy;
}
