package io.fairdraw.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The module graph of docs/architecture.md, held by the sources: which module's code may name
 * which other module's packages. A function never names another function; shared-model imports
 * the JDK only; a plain Lambda handler names nothing of platform-web. Tests may also name
 * test-support and the platform core, with which they arrange data. Every {@code io.fairdraw}
 * name counts, imported or written out in full; comments and string literals do not.
 */
class ModuleBoundariesTest {
    private static final String MODEL = "io.fairdraw.model";
    private static final String SECRETS = "io.fairdraw.platform.secrets";
    private static final String WEB = "io.fairdraw.platform.web";
    private static final String CORE = "io.fairdraw.platform";
    private static final String PAYMENTS = "io.fairdraw.payments";
    private static final String STORE = "io.fairdraw.backoffice.store";
    private static final String TEST_SUPPORT = "io.fairdraw.testsupport";

    /** A module: where its sources are, the package its code lives in, and the packages it may name besides its own. */
    record Module(String dir, String root, Set<String> mayName) {
    }

    static final List<Module> MODULES = List.of(
            new Module("shared-model", MODEL, Set.of()),
            new Module("functions/secrets-config", SECRETS, Set.of()),
            new Module("functions/platform-core", CORE, Set.of(MODEL, SECRETS)),
            new Module("functions/platform-web", WEB, Set.of(MODEL, SECRETS, CORE)),
            new Module("functions/payments", PAYMENTS, Set.of(MODEL)),
            new Module("functions/backoffice-store", STORE, Set.of(MODEL)),
            new Module("functions/registration", "io.fairdraw.registration", Set.of(MODEL, SECRETS, CORE, WEB)),
            new Module("functions/wallet", "io.fairdraw.wallet", Set.of(MODEL, SECRETS, CORE, WEB, PAYMENTS)),
            new Module("functions/betting", "io.fairdraw.betting", Set.of(MODEL, SECRETS, CORE, WEB)),
            new Module("functions/backoffice-api", "io.fairdraw.backoffice.api", Set.of(MODEL, SECRETS, CORE, WEB, STORE)),
            new Module("functions/draw", "io.fairdraw.draw", Set.of(MODEL, SECRETS, CORE)),
            new Module("functions/payout", "io.fairdraw.payout", Set.of(MODEL, SECRETS, CORE, PAYMENTS)),
            new Module("functions/compliance", "io.fairdraw.compliance", Set.of(MODEL, SECRETS, CORE)),
            new Module("functions/backoffice-projector", "io.fairdraw.backoffice.projector", Set.of(MODEL, SECRETS, STORE)));

    private static final Pattern NAME = Pattern.compile("\\bio\\.fairdraw(?:\\.[a-z][a-z0-9_]*)+(?:\\.[A-Z]\\w*)?");
    private static final Pattern IMPORT = Pattern.compile("(?m)^import\\s+(?:static\\s+)?([\\w.]+)");
    private static final Pattern COMMENTS_AND_STRINGS = Pattern.compile(
            "/\\*.*?\\*/|//[^\\n]*|\"\"\"(?s:.*?)\"\"\"|\"(?:\\\\.|[^\"\\\\\\n])*\"|'(?:\\\\.|[^'\\\\\\n])*'", Pattern.DOTALL);

    @Test
    void everyModuleNamesOnlyWhatTheArchitectureAllows() {
        Map<Path, String> sources = new LinkedHashMap<>();
        for (Module module : MODULES) {
            for (String set : List.of("main", "test")) {
                sources.putAll(read(RepositoryFiles.resolve(module.dir() + "/src/" + set + "/java")));
            }
        }
        assertThat(sources.size()).as("sources read").isGreaterThan(400);
        assertThat(findings(sources)).isEmpty();
    }

    @Test
    void theCheckFindsAFunctionNamingAnotherAndAModelImportingALibrary() {
        Path root = RepositoryFiles.root();
        Map<Path, String> broken = Map.of(
                root.resolve("functions/draw/src/main/java/io/fairdraw/draw/Broken.java"),
                "package io.fairdraw.draw;\nimport io.fairdraw.betting.Purchases;\nclass Broken { io.fairdraw.wallet.DepositService d; }\n",
                root.resolve("functions/payout/src/main/java/io/fairdraw/payout/Broken.java"),
                "package io.fairdraw.payout;\nimport io.fairdraw.platform.web.Problem;\n// io.fairdraw.betting in a comment is fine\nclass Broken { String s = \"io.fairdraw.wallet\"; }\n",
                root.resolve("shared-model/src/main/java/io/fairdraw/model/Broken.java"),
                "package io.fairdraw.model;\nimport com.fasterxml.jackson.databind.ObjectMapper;\nimport java.util.List;\nclass Broken {}\n",
                root.resolve("functions/betting/src/test/java/io/fairdraw/betting/BrokenTest.java"),
                "package io.fairdraw.betting;\nimport io.fairdraw.testsupport.Tokens;\nimport io.fairdraw.payout.Settlement;\nclass BrokenTest {}\n");

        assertThat(findings(broken)).containsExactlyInAnyOrder(
                "functions/draw/src/main/java/io/fairdraw/draw/Broken.java names io.fairdraw.betting.Purchases",
                "functions/draw/src/main/java/io/fairdraw/draw/Broken.java names io.fairdraw.wallet.DepositService",
                "functions/payout/src/main/java/io/fairdraw/payout/Broken.java names io.fairdraw.platform.web.Problem",
                "shared-model/src/main/java/io/fairdraw/model/Broken.java imports com.fasterxml.jackson.databind.ObjectMapper, not the JDK",
                "functions/betting/src/test/java/io/fairdraw/betting/BrokenTest.java names io.fairdraw.payout.Settlement");
    }

    static List<String> findings(Map<Path, String> sources) {
        Path root = RepositoryFiles.root();
        List<String> findings = new ArrayList<>();
        sources.forEach((file, text) -> {
            String relative = root.relativize(file).toString();
            Module module = MODULES.stream().filter(m -> relative.startsWith(m.dir() + "/src/")).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(relative + " belongs to no module of the check"));
            boolean test = relative.startsWith(module.dir() + "/src/test/");
            String code = COMMENTS_AND_STRINGS.matcher(text).replaceAll(" ");
            if (module.root().equals(MODEL) && !test) {
                Matcher imports = IMPORT.matcher(code);
                while (imports.find()) {
                    String imported = imports.group(1);
                    if (!imported.startsWith("java.") && !imported.startsWith("javax.crypto.") && !imported.startsWith(MODEL + ".")) {
                        findings.add(relative + " imports " + imported + ", not the JDK");
                    }
                }
            }
            Set<String> named = new TreeSet<>();
            NAME.matcher(code).results().map(java.util.regex.MatchResult::group).forEach(named::add);
            for (String name : named) {
                String owner = ownerOf(name).orElse(name);
                boolean allowed = owner.equals(module.root()) || module.mayName().contains(owner)
                        || (test && (owner.equals(TEST_SUPPORT) || owner.equals(CORE)));
                if (!allowed) {
                    findings.add(relative + " names " + name);
                }
            }
        });
        return findings;
    }

    /** The module root a name falls under: the longest root it starts with. */
    private static Optional<String> ownerOf(String name) {
        return Stream.concat(MODULES.stream().map(Module::root), Stream.of(TEST_SUPPORT))
                .filter(root -> name.equals(root) || name.startsWith(root + "."))
                .max(Comparator.comparingInt(String::length));
    }

    private static Map<Path, String> read(Path dir) {
        Map<Path, String> sources = new LinkedHashMap<>();
        if (!Files.isDirectory(dir)) {
            return sources;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                sources.put(file, Files.readString(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sources;
    }
}
