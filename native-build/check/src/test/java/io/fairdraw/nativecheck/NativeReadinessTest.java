package io.fairdraw.nativecheck;

import static org.assertj.core.api.Assertions.assertThat;

import io.fairdraw.nativecheck.fixture.FrozenSecrets;
import io.fairdraw.nativecheck.fixture.Loads;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reads every function's native build (./mvnw -Pnative-check verify -pl native-build/check -am)
 * and fails on each finding; then takes one thing away from a real build, or feeds the check a
 * class made to be wrong, and shows that it is found.
 */
class NativeReadinessTest {
    private static final Path ROOT = Path.of("").toAbsolutePath().resolve("../..").normalize();
    private static final Map<String, NativeBuild> BUILDS = new ConcurrentHashMap<>();

    /** The Lambda functions, found as native-build/build.sh finds them. */
    static Stream<String> functions() throws IOException {
        List<String> functions = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(ROOT.resolve("functions"))) {
            for (Path dir : dirs.sorted().toList()) {
                Path pom = dir.resolve("pom.xml");
                if (Files.exists(pom)) {
                    String text = Files.readString(pom);
                    if (text.contains("<artifactId>quarkus-amazon-lambda") && text.contains("<quarkus.native.enabled>true</quarkus.native.enabled>")) {
                        functions.add(dir.getFileName().toString());
                    }
                }
            }
        }
        return functions.stream();
    }

    private static NativeBuild build(String function) {
        return BUILDS.computeIfAbsent(function, f -> NativeBuild.read(ROOT.resolve("functions").resolve(f)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functions")
    void nothingInTheNativeBuildWouldBreakTheExecutable(String function) {
        NativeBuild build = build(function);

        System.out.println(NativeReadiness.summary(build));
        assertThat(NativeReadiness.findings(build)).as("findings in the native build of " + function).isEmpty();
        assertThat(build.reflection()).as("a build that registered nothing was not read").isNotEmpty();
    }

    @Test
    void everyFunctionIsBuiltAndChecked() throws IOException {
        assertThat(functions()).contains("registration", "compliance", "wallet", "draw", "betting", "payout",
                "backoffice-projector", "backoffice-api");
    }

    @Test
    void theCataloguesAreLoadedAndAMissingOneIsFound() {
        NativeBuild registration = build("registration");
        assertThat(Uses.of(registration.classes()).resources)
                .contains("fairdraw-games.json", "fairdraw-jurisdictions.json", "fairdraw-sanctions.json");

        assertThat(NativeReadiness.findings(registration.withoutResource("fairdraw-games.json")))
                .containsExactly("resource fairdraw-games.json is loaded at run time but not included in the image"
                        + " (quarkus.native.resources.includes)");
    }

    @Test
    void aViewWrittenByHandAndLeftUnregisteredIsFound() {
        NativeBuild wallet = build("wallet");
        String view = "io.fairdraw.wallet.WalletViews$WithdrawalView";
        assertThat(Uses.of(wallet.classes()).jsonTypes).contains(view.replace('.', '/'));

        assertThat(NativeReadiness.findings(wallet.withoutReflection(view)))
                .containsExactly("type " + view + " is read or written as JSON but not registered for reflection (@RegisterForReflection)");
    }

    @Test
    void aTypeInAListHeldByARestBodyAndLeftUnregisteredIsFound() {
        NativeBuild registration = build("registration");
        String held = "io.fairdraw.registration.entry.SafetyBodies$LimitView";

        assertThat(NativeReadiness.findings(registration.withoutReflection(held)))
                .containsExactly("type " + held + " is read or written as JSON but not registered for reflection (@RegisterForReflection)");
    }

    @Test
    void aFunctionWithoutHttpsIsFound() {
        NativeBuild draw = build("draw");
        List<String> plain = draw.arguments().stream().map(a -> a.startsWith("--enable-url-protocols=") ? "--enable-url-protocols=http" : a)
                .filter(a -> !a.equals("--enable-https")).toList();

        assertThat(NativeReadiness.findings(draw.withArguments(plain)))
                .containsExactly("native-image is not given https among --enable-url-protocols: the function cannot reach AWS");
    }

    @Test
    void staticStateThatBelongsToRunTimeIsFound() {
        NativeBuild fixture = fixture(FrozenSecrets.class, FrozenSecrets.Connected.class, FrozenSecrets.Helper.class,
                FrozenSecrets.Harmless.class);

        assertThat(NativeReadiness.buildTimeHazards(fixture)).containsExactlyInAnyOrder(
                "class io.fairdraw.nativecheck.fixture.FrozenSecrets is initialised while the image is built and calls"
                        + " java.security.SecureRandom.<init> (io.fairdraw.nativecheck.fixture.FrozenSecrets)",
                "class io.fairdraw.nativecheck.fixture.FrozenSecrets$Connected is initialised while the image is built and calls"
                        + " java.net.http.HttpClient.newHttpClient (io.fairdraw.nativecheck.fixture.FrozenSecrets$Connected"
                        + " → io.fairdraw.nativecheck.fixture.FrozenSecrets$Helper.connect)");
    }

    @Test
    void aClassInitialisedAtRunTimeMayHoldThem() {
        NativeBuild fixture = fixture(FrozenSecrets.class);
        NativeBuild atRunTime = new NativeBuild(fixture.function(), fixture.arguments(), fixture.resourceIncludes(),
                fixture.resourceExcludes(), fixture.reflection(), Set.of(FrozenSecrets.class.getName()), fixture.libraries(),
                fixture.classes());

        assertThat(NativeReadiness.buildTimeHazards(atRunTime)).isEmpty();
    }

    @Test
    void usesAreTracedThroughHelpersAndAComputedNameIsReported() {
        Uses uses = Uses.of(fixture(Loads.class, Loads.Line.class, Loads.Ticket.class, Loads.Stored.class).classes());

        assertThat(uses.resources).containsExactly("fixture-catalogue.json");
        assertThat(uses.jsonTypes).containsExactlyInAnyOrder("io/fairdraw/nativecheck/fixture/Loads$Ticket",
                "io/fairdraw/nativecheck/fixture/Loads$Stored");
        assertThat(uses.untraced).containsExactly(
                "io.fairdraw.nativecheck.fixture.Loads.computed: the resource given to ClassLoader.getResourceAsStream is computed at run time");
        assertThat(NativeReadiness.jsonClosure(Set.of("io/fairdraw/nativecheck/fixture/Loads$Ticket"), getClass().getClassLoader(),
                new ArrayList<>())).containsExactlyInAnyOrder("io.fairdraw.nativecheck.fixture.Loads$Ticket",
                "io.fairdraw.nativecheck.fixture.Loads$Line");
    }

    @Test
    void reflectionOnAClassComputedAtRunTimeOrLeftUnregisteredIsFound() {
        NativeBuild fixture = fixture(Loads.class, Loads.Line.class, Loads.Ticket.class, Loads.Stored.class);

        assertThat(NativeReadiness.reflectiveCalls(fixture)).containsExactly(
                "io.fairdraw.nativecheck.fixture.Loads.reflective calls Class.forName on a class computed at run time:"
                        + " native-image keeps only registered members",
                "io.fairdraw.nativecheck.fixture.Loads.reflective calls Class.getDeclaredConstructor on a class computed at run time:"
                        + " native-image keeps only registered members",
                "io.fairdraw.nativecheck.fixture.Loads.recordShape calls Class.getRecordComponents on"
                        + " io.fairdraw.nativecheck.fixture.Loads$Stored, which is not registered for reflection:"
                        + " native-image keeps only registered members");
    }

    private static NativeBuild fixture(Class<?>... types) {
        List<byte[]> files = new ArrayList<>();
        for (Class<?> type : types) {
            try (InputStream in = type.getClassLoader().getResourceAsStream(type.getName().replace('.', '/') + ".class")) {
                files.add(in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new NativeBuild("fixture", List.of("--enable-url-protocols=http,https"), List.of(), List.of(), Map.of(), Set.of(),
                List.of(), Classes.of(files, NativeReadinessTest.class.getClassLoader()));
    }
}
