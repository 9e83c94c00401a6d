package io.fairdraw.platform.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.spi.ConfigSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClientBuilder;
import software.amazon.lambda.powertools.parameters.secrets.SecretsProvider;

/**
 * The function's secrets, read at start from AWS Secrets Manager: never a Lambda environment
 * variable, never Terraform's state. {@value #SECRETS} names the secrets (ARNs or names, comma
 * separated, as Terraform sets {@code FAIRDRAW_CONFIG_SECRETS}); each holds a JSON object whose
 * members are the function's own property names and their values, for example
 * {@code {"fairdraw.compliance.screening-key": "..."}}. They become configuration above
 * application.properties and below the environment. Read through Powertools' secrets provider
 * over the SDK's Secrets Manager client (URL connection client, the Lambda's own credentials and
 * Region). A secret that cannot be read stops the function at start: it never runs without them.
 * local-cloud points {@value #ENDPOINT} at its own Secrets Manager, with its local credentials.
 */
public class SecretsConfigSourceFactory implements ConfigSourceFactory {
    public static final String SECRETS = "fairdraw.config.secrets";
    public static final String ENDPOINT = "fairdraw.config.secrets-endpoint";
    /** Above application.properties (250), below environment variables (300) and system properties (400). */
    static final int ORDINAL = 275;
    /** More would be a misconfiguration: each function has a few secrets. */
    static final int MAX_SECRETS = 10;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        List<String> ids = ids(context.getValue(SECRETS));
        if (ids.isEmpty()) {
            return List.of();
        }
        Optional<URI> endpoint = Optional.ofNullable(context.getValue(ENDPOINT)).map(ConfigValue::getValue)
                .filter(v -> !v.isBlank()).map(URI::create);
        return List.of(new PropertiesConfigSource(read(ids, endpoint), "fairdraw-secrets", ORDINAL));
    }

    /**
     * Reads the same secrets again while the function runs, for a value that may have been
     * rotated since the start (the edge's origin secret): empty when the function has none.
     */
    public static Optional<Supplier<Map<String, String>>> reader(Optional<String> ids, Optional<String> endpoint) {
        List<String> list = ids.map(SecretsConfigSourceFactory::split).orElse(List.of());
        if (list.isEmpty()) {
            return Optional.empty();
        }
        Optional<URI> uri = endpoint.filter(v -> !v.isBlank()).map(URI::create);
        return Optional.of(() -> read(list, uri));
    }

    private static Map<String, String> read(List<String> ids, Optional<URI> endpoint) {
        try (SecretsManagerClient client = client(endpoint)) {
            // No cache: each read is a start or a rotation, and must see the secret as it is now.
            SecretsProvider secrets = SecretsProvider.builder().withClient(client).build();
            Map<String, String> properties = new HashMap<>();
            for (String id : ids) {
                properties.putAll(properties(id, secrets.get(id)));
            }
            return properties;
        }
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(ORDINAL);
    }

    static List<String> ids(ConfigValue value) {
        if (value == null || value.getValue() == null) {
            return List.of();
        }
        return split(value.getValue());
    }

    private static List<String> split(String value) {
        if (value.isBlank()) {
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        for (String id : value.split(",")) {
            if (!id.isBlank()) {
                ids.add(id.strip());
            }
        }
        if (ids.size() > MAX_SECRETS) {
            throw new IllegalStateException(SECRETS + " names more than " + MAX_SECRETS + " secrets");
        }
        return ids;
    }

    /** The secret's members as properties; its values never appear in a message. */
    static Map<String, String> properties(String id, String secret) {
        JsonNode object;
        try {
            object = JSON.readTree(secret);
        } catch (IOException e) {
            throw new IllegalStateException("secret " + id + " is not a JSON object of property names and values");
        }
        if (object == null || !object.isObject()) {
            throw new IllegalStateException("secret " + id + " is not a JSON object of property names and values");
        }
        Map<String, String> properties = new HashMap<>();
        object.fields().forEachRemaining(member -> {
            if (!member.getKey().startsWith("fairdraw.") || !member.getValue().isTextual()) {
                throw new IllegalStateException("secret " + id + " holds '" + member.getKey()
                        + "', which is not a fairdraw.* property with a text value");
            }
            properties.put(member.getKey(), member.getValue().textValue());
        });
        return properties;
    }

    private static SecretsManagerClient client(Optional<URI> endpoint) {
        SecretsManagerClientBuilder builder = SecretsManagerClient.builder().httpClient(UrlConnectionHttpClient.create());
        if (endpoint.isPresent()) {
            // local-cloud's Secrets Manager: loopback, with the credentials of the function's environment
            // (local-cloud gives each function its own key and holds its calls to its policy), or
            // placeholder ones where there are none (tests).
            return builder.endpointOverride(endpoint.get()).region(Region.US_EAST_1)
                    .credentialsProvider(AwsCredentialsProviderChain.of(EnvironmentVariableCredentialsProvider.create(),
                            StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))).build();
        }
        // In Lambda: the execution role's credentials and the function's Region, from its environment.
        String region = System.getenv("AWS_REGION");
        if (region == null || region.isBlank()) {
            throw new IllegalStateException(SECRETS + " is set but AWS_REGION is not: outside Lambda, set " + ENDPOINT);
        }
        return builder.credentialsProvider(EnvironmentVariableCredentialsProvider.create()).region(Region.of(region)).build();
    }
}
