package io.fairdraw.payout;

import io.fairdraw.payments.PaymentProvider;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * Calls to payment providers, guarded within one execution environment: each call is cut off
 * after its timeout, retried a few times with backoff and jitter (the provider call is
 * idempotent by withdrawal id, so a retry after a lost answer cannot pay twice), and a provider
 * that keeps failing opens the circuit so calls stop for a while. Global pressure on a provider
 * is bounded by the function's reserved concurrency (Terraform). Values are MicroProfile Fault
 * Tolerance configuration ({@code io.fairdraw.payout.ProviderCalls/payOut/Retry/maxRetries}, ...).
 */
@ApplicationScoped
public class ProviderCalls {
    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 500, jitter = 250, delayUnit = ChronoUnit.MILLIS)
    @CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.5, delay = 30, delayUnit = ChronoUnit.SECONDS)
    public PaymentProvider.PayoutResult payOut(PaymentProvider provider, PaymentProvider.PayoutRequest request) {
        return provider.payOut(request);
    }
}
