package io.fairdraw.payments;

import io.fairdraw.model.error.DomainException;
import io.fairdraw.model.error.ErrorType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The providers this deployment accepts, by name. Only those listed in
 * {@code fairdraw.payments.enabled} are reachable, so the sandbox can be switched off in
 * production by configuration and an unknown name gets a 404.
 */
@ApplicationScoped
public class PaymentProviders {
    private final Map<String, PaymentProvider> enabled = new TreeMap<>();

    public PaymentProviders(Instance<PaymentProvider> all, @ConfigProperty(name = "fairdraw.payments.enabled") Set<String> names) {
        for (PaymentProvider provider : all) {
            if (names.contains(provider.name())) {
                provider.checkConfigured();
                enabled.put(provider.name(), provider);
            }
        }
        if (!enabled.keySet().equals(new java.util.TreeSet<>(names))) {
            throw new IllegalStateException("payment providers " + names + " are enabled but only " + enabled.keySet() + " exist");
        }
    }

    public PaymentProvider named(String name) {
        PaymentProvider provider = enabled.get(name);
        if (provider == null) {
            throw new DomainException(ErrorType.UNKNOWN_PAYMENT_PROVIDER, "no payment provider is called " + name);
        }
        return provider;
    }

    public Set<String> names() {
        return enabled.keySet();
    }
}
