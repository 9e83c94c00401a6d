package io.fairdraw.platform.time;

import io.fairdraw.model.time.TimeSource;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The system clock as the default {@link TimeSource}; a test may replace it with its own bean. */
public class Clocks {
    @Produces
    @Singleton
    @DefaultBean
    TimeSource system() {
        return TimeSource.system();
    }
}
