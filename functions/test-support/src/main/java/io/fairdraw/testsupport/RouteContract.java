package io.fairdraw.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every resource method of a function names its access rule explicitly, and the rule is the
 * one the topology declares: the roles of a token route, nobody's for a public or signature
 * route ({@code @PermitAll}, which the topology writes as no roles).
 */
public final class RouteContract {
    private static final List<Class<? extends Annotation>> VERBS = List.of(GET.class, POST.class, PUT.class, PATCH.class, DELETE.class);

    private RouteContract() {
    }

    public static void assertRolesMatchTopology(String function, List<Class<?>> resources) {
        Topology topology = Topology.load();
        Set<String> checked = new TreeSet<>();
        for (Class<?> resource : resources) {
            String base = resource.getAnnotation(Path.class).value();
            for (Method method : resource.getDeclaredMethods()) {
                String verb = verb(method);
                if (verb == null) {
                    continue;
                }
                Path sub = method.getAnnotation(Path.class);
                String path = sub == null ? base : base + sub.value();
                assertThat(roles(method)).as("%s %s", verb, path).isEqualTo(topology.rolesOf(verb, path));
                checked.add(verb + " " + path);
            }
        }
        assertThat(checked).isEqualTo(topology.routesOf(function));
    }

    private static Set<String> roles(Method method) {
        RolesAllowed roles = method.getAnnotation(RolesAllowed.class);
        boolean open = method.isAnnotationPresent(PermitAll.class);
        assertThat(roles != null ^ open).as("%s names its access rule: @RolesAllowed or @PermitAll", method).isTrue();
        return roles == null ? Set.of() : new TreeSet<>(Set.of(roles.value()));
    }

    private static String verb(Method method) {
        for (Class<? extends Annotation> verb : VERBS) {
            if (method.isAnnotationPresent(verb)) {
                return verb.getSimpleName();
            }
        }
        return null;
    }
}
