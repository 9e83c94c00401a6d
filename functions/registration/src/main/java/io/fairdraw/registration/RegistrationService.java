package io.fairdraw.registration;

import io.fairdraw.model.compliance.Decision;
import io.fairdraw.model.compliance.Eligibility;
import io.fairdraw.model.compliance.ReasonCode;
import io.fairdraw.model.error.DomainException;
import io.fairdraw.model.error.ErrorType;
import io.fairdraw.model.id.PlayerId;
import io.fairdraw.model.player.Player;
import io.fairdraw.model.player.ProfileChange;
import io.fairdraw.model.player.Registration;
import io.fairdraw.model.time.TimeSource;
import io.fairdraw.platform.config.Catalogues;
import io.fairdraw.platform.dynamo.AuditStamp;
import io.fairdraw.registration.store.Players;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Registering and keeping a player's own profile. One identity registers once: a repeat is
 * answered with the player already stored, unchanged (identity facts are not edited by
 * re-registering). Profile changes are optimistic: read, apply, write if the version is still
 * the one read, retry a few times.
 */
@ApplicationScoped
public class RegistrationService {
    static final int MAX_UPDATE_ATTEMPTS = 3;
    private static final Logger LOG = Logger.getLogger(RegistrationService.class);

    private final Players players;
    private final Catalogues catalogues;
    private final TimeSource clock;

    public RegistrationService(Players players, Catalogues catalogues, TimeSource clock) {
        this.players = players;
        this.catalogues = catalogues;
        this.clock = clock;
    }

    /**
     * Registers the caller, refusing at once a person under the home jurisdiction's minimum age or
     * resident where play is not offered: such an account could never deposit or play.
     */
    public RegistrationResult register(PlayerId id, Registration registration, AuditStamp stamp) {
        Instant now = clock.now();
        if (Eligibility.toRegister(catalogues.jurisdictions(), registration.residence(), registration.dateOfBirth(), now)
                instanceof Decision.Deny deny) {
            LOG.infof("registration of %s refused: %s", id, deny.reason());
            throw new DomainException(deny.reason() == ReasonCode.UNDERAGE ? ErrorType.BELOW_MINIMUM_AGE : ErrorType.RESIDENCE_NOT_SERVED,
                    deny.detail());
        }
        Player fresh = Player.register(id, registration, now);
        if (players.insert(fresh, stamp)) {
            LOG.infof("player %s registered", id);
            return new RegistrationResult.Registered(fresh);
        }
        return new RegistrationResult.AlreadyRegistered(find(id));
    }

    public Player find(PlayerId id) {
        return players.find(id).orElseThrow(() -> notRegistered());
    }

    public Player change(PlayerId id, ProfileChange change, AuditStamp stamp) {
        for (int attempt = 1; attempt <= MAX_UPDATE_ATTEMPTS; attempt++) {
            Player current = find(id);
            Player updated = current.apply(change, clock.now());
            if (players.replace(updated, current.version(), stamp)) {
                return updated;
            }
        }
        throw new DomainException(ErrorType.CONCURRENT_UPDATE,
                "the profile changed concurrently " + MAX_UPDATE_ATTEMPTS + " times; retry the request");
    }

    private static DomainException notRegistered() {
        return new DomainException(ErrorType.PLAYER_NOT_REGISTERED, "register with POST /v1/players first");
    }
}
