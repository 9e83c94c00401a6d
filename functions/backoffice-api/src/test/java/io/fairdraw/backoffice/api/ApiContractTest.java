package io.fairdraw.backoffice.api;

import io.fairdraw.testsupport.FunctionContract;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;

/** What the function serves is what the topology declares and what docs/api/ documents. */
@QuarkusTest
class ApiContractTest extends FunctionContract {
    @Override
    protected String function() {
        return "backoffice-api";
    }

    @Override
    protected List<Class<?>> resources() {
        return List.of(BackOfficeResource.class, PaymentReconciliationResource.class);
    }
}
