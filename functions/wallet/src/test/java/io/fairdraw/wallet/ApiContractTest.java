package io.fairdraw.wallet;

import io.fairdraw.wallet.entry.PaymentWebhookResource;
import io.fairdraw.wallet.entry.WalletResource;
import io.fairdraw.testsupport.FunctionContract;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;

/** What the function serves is what the topology declares and what docs/api/ documents. */
@QuarkusTest
class ApiContractTest extends FunctionContract {
    @Override
    protected String function() {
        return "wallet";
    }

    @Override
    protected List<Class<?>> resources() {
        return List.of(WalletResource.class, PaymentWebhookResource.class);
    }
}
