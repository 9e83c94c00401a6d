package io.fairdraw.betting;

import io.fairdraw.betting.entry.DrawResource;
import io.fairdraw.betting.entry.FavouriteResource;
import io.fairdraw.betting.entry.GameResource;
import io.fairdraw.betting.entry.TicketResource;
import io.fairdraw.testsupport.FunctionContract;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;

/** What the function serves is what the topology declares and what docs/api/ documents. */
@QuarkusTest
class ApiContractTest extends FunctionContract {
    @Override
    protected String function() {
        return "betting";
    }

    @Override
    protected List<Class<?>> resources() {
        return List.of(GameResource.class, DrawResource.class, TicketResource.class, FavouriteResource.class);
    }
}
