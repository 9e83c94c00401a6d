package io.fairdraw.localcloud;

import static org.assertj.core.api.Assertions.assertThat;

import io.fairdraw.testsupport.RepositoryFiles;
import io.fairdraw.testsupport.Topology;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * local-cloud runs what Terraform deploys: the production profile, every setting either one that
 * Terraform gives the function too (infra-terraform/modules/stack/settings.tf, as environment
 * variables, in settings.tf and main.tf) or one of the local overlay's, each with its reason. A setting added here without
 * either fails this test, so the laptop cannot drift from AWS unnoticed.
 */
class FunctionSettingsTest {
    private static final Pattern TERRAFORM_SETTING = Pattern.compile("(?<![A-Z0-9_])((?:FAIRDRAW|QUARKUS)_[A-Z0-9_]+)\\s*=(?!=)");

    private static String environmentName(String property) {
        return property.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    private static Set<String> terraformSettings() throws Exception {
        String settings = Files.readString(RepositoryFiles.resolve("infra-terraform/modules/stack/settings.tf"))
                + Files.readString(RepositoryFiles.resolve("infra-terraform/modules/stack/main.tf"));
        Set<String> names = new TreeSet<>();
        Matcher m = TERRAFORM_SETTING.matcher(settings);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static Map<String, Map<String, String>> everyFunctionsSettings() {
        Settings settings = Settings.parse(List.of());
        Map<String, Map<String, String>> all = new HashMap<>();
        Topology.load().document().get("functions").properties().forEach(f -> {
            Map<String, String> properties = new HashMap<>(
                    FunctionSettings.of(f.getKey(), settings, f.getValue().path("tables").isEmpty() ? Optional.empty()
                            : Optional.of("http://127.0.0.1:1"), Path.of("catalogue.json"), "secret-id"));
            if (f.getValue().has("database")) {
                properties.putAll(LocalDatabase.functionProperties(1, f.getValue().get("databaseUser").asText()));
            }
            all.put(f.getKey(), properties);
        });
        return all;
    }

    @Test
    void everySettingIsEitherOneTerraformGivesOrAnOverlayEntryWithItsReason() throws Exception {
        Set<String> terraform = terraformSettings();
        assertThat(terraform).contains("FAIRDRAW_DRAW_BEACON", "QUARKUS_OIDC_AUTH_SERVER_URL", "QUARKUS_DATASOURCE_USERNAME");
        Set<String> overlayUsed = new TreeSet<>();
        everyFunctionsSettings().forEach((function, properties) -> properties.keySet().forEach(property -> {
            boolean deployed = terraform.contains(environmentName(property));
            boolean overlay = FunctionSettings.OVERLAY.containsKey(property);
            assertThat(deployed || overlay).as("%s's %s is neither set by Terraform nor in the local overlay", function, property).isTrue();
            assertThat(deployed && overlay).as("%s is in the overlay although Terraform sets it", property).isFalse();
            if (overlay) {
                overlayUsed.add(property);
            }
            if (deployed) {
                assertThat(FunctionSettings.DEPLOYED_WITH_LOCAL_VALUES).as(property).contains(property);
            }
        }));
        assertThat(overlayUsed).as("overlay entries no function is given").isEqualTo(FunctionSettings.OVERLAY.keySet());
        FunctionSettings.OVERLAY.values().forEach(reason -> assertThat(reason).isNotBlank());
    }

    @Test
    void theFunctionsRunTheProductionProfile() {
        everyFunctionsSettings().forEach((function, properties) -> {
            assertThat(properties).as(function).doesNotContainKey("quarkus.profile");
            // The edge's secret is required by the production default, not by a local setting.
            assertThat(properties).as(function).doesNotContainKey("fairdraw.edge.origin-secret-required");
        });
    }

    /**
     * The rule settings.tf is held to (infra-terraform's identityPools check), here for the laptop:
     * a function trusts the players' pool exactly when a route it serves admits players, and the
     * staff pool exactly when one admits an operator or auditor; the authorizer, the pools of the
     * routes it guards.
     */
    @Test
    void eachFunctionTrustsThePoolsItsRoutesNeed() {
        Topology topology = Topology.load();
        String authorizer = topology.document().get("authorizer").get("function").asText();
        Map<String, Set<String>> roles = new HashMap<>();
        topology.document().get("routes").forEach(route -> {
            String function = route.get("auth").asText().equals("authorizer") ? authorizer : route.get("function").asText();
            Set<String> admitted = roles.computeIfAbsent(function, f -> new TreeSet<>());
            route.path("roles").forEach(role -> admitted.add(role.asText()));
            if (!function.equals(route.get("function").asText())) {
                route.path("roles").forEach(role -> roles.computeIfAbsent(route.get("function").asText(), f -> new TreeSet<>())
                        .add(role.asText()));
            }
        });
        Settings settings = Settings.parse(List.of());
        everyFunctionsSettings().forEach((function, properties) -> {
            Set<String> admitted = roles.getOrDefault(function, Set.of());
            boolean players = admitted.contains("player");
            boolean staff = admitted.contains("operator") || admitted.contains("auditor");
            assertThat(properties.get("fairdraw.identity.players.issuer")).as(function).isEqualTo(players ? settings.issuer() : null);
            assertThat(properties.get("fairdraw.identity.staff.issuer")).as(function).isEqualTo(staff ? settings.staffIssuer() : null);
            if (!function.equals(authorizer) && (players || staff)) {
                assertThat(properties.get("quarkus.oidc.auth-server-url")).as(function)
                        .isEqualTo(players ? settings.issuer() : settings.staffIssuer());
                assertThat(properties.get("quarkus.oidc.staff.auth-server-url")).as(function)
                        .isEqualTo(players && staff ? settings.staffIssuer() : null);
            }
        });
    }
}
