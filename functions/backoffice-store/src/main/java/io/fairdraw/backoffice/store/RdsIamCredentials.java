package io.fairdraw.backoffice.store;

import io.quarkus.credentials.CredentialsProvider;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * The database password in AWS: an IAM authentication token for the RDS Proxy, made for each new
 * connection from the function's role (no stored password). A token is a SigV4-presigned
 * {@code connect} request for the database user, valid 15 minutes, which is all a connection
 * needs: it is checked only when the connection opens. Selected with
 * {@code quarkus.datasource.credentials-provider=rds-iam} (Terraform sets it); locally and in
 * tests the datasource uses its plain user and password.
 */
@ApplicationScoped
@Named("rds-iam")
public class RdsIamCredentials implements CredentialsProvider {
    static final Duration LIFETIME = Duration.ofMinutes(15);

    private final String url;
    private final String user;
    private final Optional<String> region;

    public RdsIamCredentials(@ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") String user,
            @ConfigProperty(name = "aws.region") Optional<String> region) {
        this.url = url;
        this.user = user;
        this.region = region;
    }

    @Override
    public Map<String, String> getCredentials(String credentialsProviderName) {
        URI database = URI.create(url.replaceFirst("^[a-z]+:", "postgresql:"));
        String regionName = region.or(() -> Optional.ofNullable(System.getenv("AWS_REGION")))
                .orElseThrow(() -> new IllegalStateException("no AWS region for the database token (AWS_REGION)"));
        String token = token(database.getHost(), database.getPort() < 0 ? 5432 : database.getPort(), user, regionName,
                DefaultCredentialsProvider.builder().build().resolveCredentials(), Clock.systemUTC());
        return Map.of(USER_PROPERTY_NAME, user, PASSWORD_PROPERTY_NAME, token);
    }

    /** {@code host:port/?Action=connect&DBUser=...&X-Amz-...}: the presigned URL without its scheme. */
    static String token(String host, int port, String user, String region, AwsCredentialsIdentity credentials, Clock clock) {
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.GET).protocol("https").host(host).port(port)
                .encodedPath("/").putRawQueryParameter("Action", "connect").putRawQueryParameter("DBUser", user).build();
        var signed = AwsV4HttpSigner.create().sign(r -> r.identity(credentials).request(request)
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, "rds-db")
                .putProperty(AwsV4FamilyHttpSigner.AUTH_LOCATION, AwsV4FamilyHttpSigner.AuthLocation.QUERY_STRING)
                .putProperty(AwsV4FamilyHttpSigner.EXPIRATION_DURATION, LIFETIME)
                .putProperty(HttpSigner.SIGNING_CLOCK, clock));
        return signed.request().getUri().toString().substring("https://".length());
    }
}
