package io.fairdraw.platform.snapstart;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.jboss.logging.Logger;

/**
 * The SnapStart hooks of a function that runs on the JVM (Terraform enables SnapStart there,
 * `infra-terraform/modules/function`): registered with CRaC at start, it primes every
 * {@link RestoreAware} bean before the snapshot and has each forget what it read after a
 * restore. Without a CRaC runtime (a laptop, a test, a native executable) registering is
 * harmless and the hooks are never called by the runtime; tests call them.
 *
 * <p>Credentials need nothing here: the SDK's default chain and {@code AwsJsonClient} resolve
 * the identity on every call, and on SnapStart Lambda serves it from the container endpoint,
 * which the SDK re-reads when it expires
 * (<a href="https://docs.aws.amazon.com/lambda/latest/dg/snapstart-activate.html">SnapStart</a>).
 */
@ApplicationScoped
public class SnapStartHooks implements Resource {
    private static final Logger LOG = Logger.getLogger(SnapStartHooks.class);

    private final Instance<RestoreAware> aware;

    @Inject
    public SnapStartHooks(Instance<RestoreAware> aware) {
        this.aware = aware;
    }

    void register(@Observes StartupEvent started) {
        Core.getGlobalContext().register(this);
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        for (RestoreAware bean : aware) {
            bean.prime();
        }
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        int count = 0;
        for (RestoreAware bean : aware) {
            bean.restored();
            count++;
        }
        LOG.infof("restored from a snapshot: %d caches start afresh", count);
    }
}
