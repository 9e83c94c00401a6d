package io.fairdraw.registration;

import io.fairdraw.registration.entry.CaseActionsResource;
import io.fairdraw.registration.entry.PlayersResource;
import io.fairdraw.registration.entry.SafetyResource;
import io.fairdraw.testsupport.FunctionContract;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;

/** What the function serves is what the topology declares and what docs/api/ documents. */
@QuarkusTest
class ApiContractTest extends FunctionContract {
    @Override
    protected String function() {
        return "registration";
    }

    @Override
    protected List<Class<?>> resources() {
        return List.of(PlayersResource.class, SafetyResource.class, CaseActionsResource.class);
    }
}
