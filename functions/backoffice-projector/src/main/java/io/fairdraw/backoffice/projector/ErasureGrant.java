package io.fairdraw.backoffice.projector;

import io.fairdraw.backoffice.store.Reporting;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Lets the back-office API delete a player's personal record (erasure) and nothing else. The API
 * may read, add and change every table (the database roles, backoffice-store's db/roles.sql), but
 * deleting is granted table by table, and the projector makes player_personal when it first
 * starts, after the roles were set up: so the projector, its owner, grants it once the schema is
 * up to date. Where the API's role does not exist (a database without the roles, as in tests)
 * there is nothing to grant.
 */
@ApplicationScoped
public class ErasureGrant {
    private static final Logger LOG = Logger.getLogger(ErasureGrant.class);
    static final String GRANT = """
            DO $grant$
            BEGIN
                IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'fairdraw_api') THEN
                    GRANT DELETE ON player_personal TO fairdraw_api;
                END IF;
            END
            $grant$""";

    void onStart(@Observes StartupEvent start, Reporting reporting) {
        try {
            reporting.transaction(() -> Panache.getSession().chain(s -> s.createNativeQuery(GRANT).executeUpdate()));
        } catch (RuntimeException e) {
            // The projector still projects; erasure waits for the next start that can grant.
            LOG.warnf("the API could not be allowed to erase personal records (%s); retried at the next start",
                    e.getClass().getSimpleName());
        }
    }
}
