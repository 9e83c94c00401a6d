package io.fairdraw.registration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.fairdraw.testsupport.ApiDocuments;
import io.fairdraw.testsupport.Topology;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import io.fairdraw.registration.entry.PlayersResource;
import io.fairdraw.registration.entry.SafetyResource;
import org.junit.jupiter.api.Test;

/** What the function serves is what the topology declares and what docs/api/ documents. */
@QuarkusTest
class ApiContractTest {
    private static final String FUNCTION = "registration";

    @Test
    void theServedRoutesAreExactlyTheTopologysRoutes() {
        String openApi = given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).extract().asString();

        assertThat(Topology.servedRoutes(openApi)).isEqualTo(Topology.load().routesOf(FUNCTION));
    }

    @Test
    void everyRouteAdmitsExactlyTheRolesTheTopologyNames() {
        Topology topology = Topology.load();
        Set<String> checked = new TreeSet<>();
        for (Class<?> resource : List.of(PlayersResource.class, SafetyResource.class)) {
            String base = resource.getAnnotation(Path.class).value();
            for (Method method : resource.getDeclaredMethods()) {
                String verb = verb(method);
                if (verb == null) {
                    continue;
                }
                Path sub = method.getAnnotation(Path.class);
                String path = sub == null ? base : base + sub.value();
                RolesAllowed roles = method.getAnnotation(RolesAllowed.class);
                assertThat(roles).as("%s %s names its roles", verb, path).isNotNull();
                assertThat(new TreeSet<>(Set.of(roles.value()))).as("%s %s", verb, path).isEqualTo(topology.rolesOf(verb, path));
                checked.add(verb + " " + path);
            }
        }
        assertThat(checked).isEqualTo(topology.routesOf(FUNCTION));
    }

    private static String verb(Method method) {
        for (Class<? extends java.lang.annotation.Annotation> verb : List.of(GET.class, POST.class, PUT.class, PATCH.class, DELETE.class)) {
            if (method.isAnnotationPresent(verb)) {
                return verb.getSimpleName();
            }
        }
        return null;
    }

    @Test
    void theCommittedOpenApiDocumentIsCurrent() {
        ApiDocuments.assertCommittedDocumentIsCurrent(FUNCTION);
    }
}
