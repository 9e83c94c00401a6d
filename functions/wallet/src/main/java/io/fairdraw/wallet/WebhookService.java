package io.fairdraw.wallet;

import io.fairdraw.model.error.DomainException;
import io.fairdraw.model.error.ErrorType;
import io.fairdraw.model.id.RequestId;
import io.fairdraw.model.time.TimeSource;
import io.fairdraw.platform.dynamo.AuditStamp;
import io.fairdraw.payments.PaymentProvider;
import io.fairdraw.payments.PaymentProviders;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * A provider's notification: verified first (signature, freshness), then each event applied
 * exactly once. A notification delivered again, or out of order, finds its transfer already
 * recorded and changes nothing.
 */
@ApplicationScoped
public class WebhookService {
    private static final Logger LOG = Logger.getLogger(WebhookService.class);

    private final PaymentProviders providers;
    private final DepositService deposits;
    private final WithdrawalService withdrawals;
    private final TimeSource clock;

    public WebhookService(PaymentProviders providers, DepositService deposits, WithdrawalService withdrawals, TimeSource clock) {
        this.providers = providers;
        this.deposits = deposits;
        this.withdrawals = withdrawals;
        this.clock = clock;
    }

    public int receive(String providerName, Map<String, String> headers, String body, RequestId requestId) {
        PaymentProvider provider = providers.named(providerName);
        java.util.List<PaymentProvider.PaymentEvent> events;
        try {
            events = provider.verify(headers, body, clock.now());
        } catch (PaymentProvider.WebhookRejected rejected) {
            LOG.warnf("notification from %s refused: %s", providerName, rejected.reason());
            throw new DomainException(switch (rejected.reason()) {
                case SIGNATURE_INVALID -> ErrorType.WEBHOOK_SIGNATURE_INVALID;
                case STALE -> ErrorType.WEBHOOK_STALE;
                case MALFORMED -> ErrorType.WEBHOOK_MALFORMED;
            }, rejected.getMessage());
        }
        AuditStamp stamp = new AuditStamp("provider:" + providerName, requestId);
        for (PaymentProvider.PaymentEvent event : events) {
            switch (event.kind()) {
                case DEPOSIT -> deposits.settle(provider, event, stamp);
                case PAYOUT -> withdrawals.settle(provider, event, stamp);
            }
        }
        return events.size();
    }
}
