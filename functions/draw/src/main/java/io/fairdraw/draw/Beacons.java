package io.fairdraw.draw;

import io.fairdraw.draw.beacon.DrandBeacon;
import io.fairdraw.draw.beacon.DrandConfig;
import io.fairdraw.draw.beacon.DrandSettings;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The draw's beacon, chosen once from {@code fairdraw.draw.beacon}:
 * {@code local} (the default, {@link LocalBeacon}) or {@code drand} ({@link DrandBeacon}). The
 * choice is read at run time, not at build time, so one artifact (native or JVM) serves a laptop
 * and AWS, where Terraform sets {@code FAIRDRAW_DRAW_BEACON}. Only the chosen beacon is created:
 * the local one's production guard does not fire in AWS, and drand's settings are required only
 * where drand is chosen. A test may replace the port with its own bean.
 */
public class Beacons {
    @Produces
    @Singleton
    @DefaultBean
    BeaconSource beacon(@ConfigProperty(name = "fairdraw.draw.beacon", defaultValue = "local") String choice, Instance<LocalBeacon> local,
            DrandConfig drand) {
        return switch (choice) {
            case "local" -> local.get();
            case "drand" -> new DrandBeacon(DrandSettings.from(drand));
            default -> throw new IllegalStateException("fairdraw.draw.beacon is local or drand, not " + choice);
        };
    }
}
