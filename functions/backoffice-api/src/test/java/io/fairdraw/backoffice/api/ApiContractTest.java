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
        return List.of(DrawReportsResource.class, BooksResource.class, AuditTrailResource.class, AlertsResource.class,
                PlayerCasesResource.class, CorrectionsResource.class, WithdrawalReviewResource.class, ChangeControlResource.class,
                PaymentReconciliationResource.class);
    }
}
