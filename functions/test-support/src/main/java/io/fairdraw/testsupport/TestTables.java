package io.fairdraw.testsupport;

import io.fairdraw.platform.dynamo.Table;
import io.fairdraw.platform.dynamo.TableNames;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;

/**
 * The default table names as a {@link TableNames}, for tests that build platform classes by hand
 * (around a client with faults or counters) instead of through CDI.
 */
public final class TestTables {
    private TestTables() {
    }

    public static TableNames defaults() {
        InvocationHandler names = (proxy, method, args) -> {
            if (method.isDefault()) {
                return InvocationHandler.invokeDefault(proxy, method, args);
            }
            for (Table table : Table.values()) {
                if (camel(table.logicalName()).equals(method.getName())) {
                    return table.defaultName();
                }
            }
            throw new IllegalArgumentException("no table for " + method.getName());
        };
        return (TableNames) Proxy.newProxyInstance(TableNames.class.getClassLoader(), new Class<?>[] {TableNames.class}, names);
    }

    private static String camel(String logicalName) {
        StringBuilder camel = new StringBuilder();
        boolean upper = false;
        for (char c : logicalName.toCharArray()) {
            if (c == '-') {
                upper = true;
            } else {
                camel.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return camel.toString();
    }
}
