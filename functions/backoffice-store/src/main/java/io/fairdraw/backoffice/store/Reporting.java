package io.fairdraw.backoffice.store;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;

/**
 * The blocking door to the reactive store. Lambda handlers and the REST resources run on worker
 * threads (the functions' DynamoDB and ledger code is blocking); Hibernate Reactive needs a Vert.x
 * context, so each unit of work runs on a duplicated context and the worker waits for it.
 */
@ApplicationScoped
public class Reporting {
    /** Runs the work in one transaction: all of it is committed or none. */
    public <T> T transaction(Supplier<Uni<T>> work) {
        return await(() -> Panache.withTransaction(work));
    }

    /** Runs read-only work in one session. */
    public <T> T read(Supplier<Uni<T>> work) {
        return await(() -> Panache.withSession(work));
    }

    private static <T> T await(Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(work);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable checked) {
            throw new IllegalStateException(checked);
        }
    }
}
