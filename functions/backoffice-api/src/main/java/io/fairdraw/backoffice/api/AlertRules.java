package io.fairdraw.backoffice.api;

import io.fairdraw.backoffice.store.Alerts;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The thresholds of the suspicious-activity alerts; each jurisdiction's AML rules set them. */
@ConfigMapping(prefix = "fairdraw.backoffice.alerts")
public interface AlertRules {
    /** Deposits within {@link #velocityWindow()} that raise DEPOSIT_VELOCITY. */
    @WithDefault("5")
    int velocityCount();

    @WithDefault("PT24H")
    Duration velocityWindow();

    /** A withdrawal this soon after a deposit, with no stake between, raises WITHDRAWAL_WITHOUT_PLAY. */
    @WithDefault("P3D")
    Duration withoutPlayWindow();

    /** Accounts on one payment instrument that raise SHARED_INSTRUMENT. */
    @WithDefault("3")
    int sharedInstrumentPlayers();

    default Alerts.Rules rules() {
        return new Alerts.Rules(velocityCount(), velocityWindow(), withoutPlayWindow(), sharedInstrumentPlayers());
    }
}
