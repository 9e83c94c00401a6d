package io.fairdraw.platform.dynamo;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * On a laptop, creates missing tables at start when {@code fairdraw.local.create-tables=true}.
 * Off by default and never set by Terraform: in AWS the tables are Terraform's and a function's
 * role may not create one.
 */
public class LocalTableSetup {
    private static final Logger LOG = Logger.getLogger(LocalTableSetup.class);

    void onStart(@Observes StartupEvent start, DynamoDbClient dynamo, TableNames names,
            @ConfigProperty(name = "fairdraw.local.create-tables", defaultValue = "false") boolean createTables) {
        if (createTables) {
            TableBootstrap.createMissing(dynamo, names::of);
            LOG.info("local tables are ready");
        }
    }
}
