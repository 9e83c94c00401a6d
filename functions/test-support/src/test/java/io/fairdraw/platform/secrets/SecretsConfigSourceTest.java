package io.fairdraw.platform.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fairdraw.testsupport.LocalSecretsManager;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Secrets become configuration at start, read over the Secrets Manager protocol through the SDK
 * client and Powertools' provider the functions use in AWS; a secret that cannot be read or is not
 * a map of fairdraw.* properties stops the start, without its value in the message.
 */
class SecretsConfigSourceTest {
    private final LocalSecretsManager secrets = new LocalSecretsManager();
    private URI endpoint;

    @BeforeEach
    void start() throws Exception {
        endpoint = secrets.start();
    }

    @AfterEach
    void stop() {
        secrets.close();
    }

    private SmallRyeConfig config(String ids, Map<String, String> environment) {
        Map<String, String> base = new java.util.HashMap<>(environment);
        base.put(SecretsConfigSourceFactory.SECRETS, ids);
        base.put(SecretsConfigSourceFactory.ENDPOINT, endpoint.toString());
        return new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(Map.of("fairdraw.edge.origin-secret", "from-application-properties",
                        "fairdraw.compliance.screening-key", "from-application-properties"), "application.properties", 250))
                .withSources(new PropertiesConfigSource(base, "environment", 300))
                .withSources(new SecretsConfigSourceFactory())
                .build();
    }

    @Test
    void eachSecretsMembersBecomeProperties() {
        String edge = secrets.put("fairdraw-test/edge", "{\"fairdraw.edge.origin-secret\":\"edge-secret-0123456789abcdef0123456789\"}");
        secrets.put("fairdraw-test/screening", "{\"fairdraw.compliance.screening-key\":\"c2NyZWVuaW5n\"}");

        SmallRyeConfig config = config(edge + ", fairdraw-test/screening", Map.of());

        assertThat(config.getValue("fairdraw.edge.origin-secret", String.class)).isEqualTo("edge-secret-0123456789abcdef0123456789");
        assertThat(config.getValue("fairdraw.compliance.screening-key", String.class)).isEqualTo("c2NyZWVuaW5n");
    }

    @Test
    void theEnvironmentStillWinsOverASecretAndNoSecretsMeansNoSource() {
        String edge = secrets.put("fairdraw-test/edge", "{\"fairdraw.edge.origin-secret\":\"from-the-secret\"}");
        assertThat(config(edge, Map.of("fairdraw.edge.origin-secret", "from-the-environment"))
                .getValue("fairdraw.edge.origin-secret", String.class)).isEqualTo("from-the-environment");
        assertThat(config(" ", Map.of()).getValue("fairdraw.edge.origin-secret", String.class)).isEqualTo("from-application-properties");
    }

    @Test
    void aSecretThatCannotBeReadOrIsNotAPropertyMapStopsTheStartWithoutShowingItsValue() {
        assertThatThrownBy(() -> config("fairdraw-test/missing", Map.of())).hasStackTraceContaining("ResourceNotFoundException");
        secrets.put("fairdraw-test/raw", "plain-secret-value-never-shown");
        assertThatThrownBy(() -> config("fairdraw-test/raw", Map.of()))
                .hasMessageContaining("is not a JSON object").hasMessageNotContaining("plain-secret-value-never-shown");
        secrets.put("fairdraw-test/foreign", "{\"quarkus.datasource.password\":\"hunter2\"}");
        assertThatThrownBy(() -> config("fairdraw-test/foreign", Map.of()))
                .hasMessageContaining("not a fairdraw.* property").hasMessageNotContaining("hunter2");
        secrets.put("fairdraw-test/number", "{\"fairdraw.x\":5}");
        assertThatThrownBy(() -> config("fairdraw-test/number", Map.of())).hasMessageContaining("text value");
    }
}
