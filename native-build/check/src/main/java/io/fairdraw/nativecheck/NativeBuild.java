package io.fairdraw.nativecheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * What Quarkus handed to {@code native-image} for one function, read back from the folder the
 * build leaves ({@code target/native-check/*-native-image-source-jar}): the arguments the
 * recording stand-in wrote down, the resource and reflection configuration of every jar on the
 * image's class path, the classes Quarkus has initialised at run time rather than while the
 * image is built, the libraries, and Fairdraw's own classes.
 *
 * <p>It is a value: a test takes one away ({@link #withoutResource}, {@link #withoutReflection})
 * to show that the check notices.
 */
public record NativeBuild(
        String function,
        List<String> arguments,
        List<Pattern> resourceIncludes,
        List<Pattern> resourceExcludes,
        Map<String, JsonNode> reflection,
        Set<String> initialisedAtRunTime,
        List<String> libraries,
        Classes classes) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONFIG = "META-INF/native-image/";
    private static final String FEATURE = "io/quarkus/runner/Feature.class";

    /** Reads the build of the function in {@code functionDir} ({@code functions/<name>}). */
    public static NativeBuild read(Path functionDir) {
        String function = functionDir.getFileName().toString();
        Path output = functionDir.resolve("target/native-check");
        Path folder;
        try (Stream<Path> entries = Files.list(output)) {
            folder = entries.filter(p -> p.getFileName().toString().endsWith("-native-image-source-jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no native build of " + function + " in " + output
                            + ": run ./mvnw -Pnative-check verify -pl native-build/check -am"));
        } catch (IOException e) {
            throw new UncheckedIOException("no native build of " + function + " in " + output
                    + ": run ./mvnw -Pnative-check verify -pl native-build/check -am", e);
        }
        try {
            List<String> arguments = Files.readAllLines(folder.resolve("native-image.args"));
            Path runner;
            try (Stream<Path> files = Files.list(folder)) {
                runner = files.filter(p -> p.getFileName().toString().endsWith("-runner.jar")).findFirst().orElseThrow();
            }
            List<Path> jars = new ArrayList<>(List.of(runner));
            try (Stream<Path> files = Files.list(folder.resolve("lib"))) {
                files.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().forEach(jars::add);
            }
            List<Pattern> includes = new ArrayList<>();
            List<Pattern> excludes = new ArrayList<>();
            Map<String, JsonNode> reflection = new HashMap<>();
            Set<String> runTime = new HashSet<>();
            Set<String> excludedConfig = excludedConfigurations(arguments);
            for (Path jar : jars) {
                try (JarFile file = new JarFile(jar.toFile())) {
                    for (JarEntry entry : file.stream().toList()) {
                        String name = entry.getName();
                        if (!name.startsWith(CONFIG) || excludedConfig.contains("/" + name)) {
                            continue;
                        }
                        if (name.endsWith("resource-config.json")) {
                            JsonNode resources = read(file, entry).path("resources");
                            patterns(resources.isArray() ? resources : resources.path("includes"), includes);
                            patterns(resources.path("excludes"), excludes);
                        } else if (name.endsWith("reflect-config.json")) {
                            read(file, entry).forEach(type -> reflection.merge(type.path("name").asText(), type, (a, b) -> a));
                        }
                    }
                    JarEntry feature = file.getJarEntry(FEATURE);
                    if (feature != null) {
                        try (InputStream in = file.getInputStream(feature)) {
                            runTime.addAll(initialisedAtRunTime(in.readAllBytes()));
                        }
                    }
                }
            }
            List<String> libraries = jars.stream().skip(1).map(p -> p.getFileName().toString()).toList();
            return new NativeBuild(function, List.copyOf(arguments), List.copyOf(includes), List.copyOf(excludes),
                    Map.copyOf(reflection), Set.copyOf(runTime), libraries, Classes.of(jars));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the native build of " + function + " in " + folder, e);
        }
    }

    /** Whether the image carries the classpath resource {@code name} (no leading slash). */
    public boolean includesResource(String name) {
        Predicate<Pattern> matches = p -> p.matcher(name).matches();
        return resourceIncludes.stream().anyMatch(matches) && resourceExcludes.stream().noneMatch(matches);
    }

    /** Whether {@code binaryName} is registered for reflection with its members (as Jackson needs it). */
    public boolean registeredWithMembers(String binaryName) {
        JsonNode type = reflection.get(binaryName);
        if (type == null) {
            return false;
        }
        return Stream.of("allDeclaredMethods", "allPublicMethods", "queryAllDeclaredMethods", "queryAllPublicMethods",
                "allDeclaredFields", "allPublicFields").anyMatch(flag -> type.path(flag).asBoolean(false));
    }

    /** The same build with no include that matches {@code name}. */
    public NativeBuild withoutResource(String name) {
        List<Pattern> kept = resourceIncludes.stream().filter(p -> !p.matcher(name).matches()).toList();
        return new NativeBuild(function, arguments, kept, resourceExcludes, reflection, initialisedAtRunTime, libraries, classes);
    }

    /** The same build with {@code binaryName} left out of the reflection configuration. */
    public NativeBuild withoutReflection(String binaryName) {
        Map<String, JsonNode> kept = new HashMap<>(reflection);
        kept.remove(binaryName);
        return new NativeBuild(function, arguments, resourceIncludes, resourceExcludes, Map.copyOf(kept), initialisedAtRunTime,
                libraries, classes);
    }

    /** The same build given different arguments. */
    public NativeBuild withArguments(List<String> replaced) {
        return new NativeBuild(function, List.copyOf(replaced), resourceIncludes, resourceExcludes, reflection, initialisedAtRunTime,
                libraries, classes);
    }

    private static JsonNode read(JarFile file, JarEntry entry) throws IOException {
        try (InputStream in = file.getInputStream(entry)) {
            return JSON.readTree(in);
        }
    }

    private static void patterns(JsonNode entries, List<Pattern> into) {
        for (JsonNode entry : entries) {
            if (entry.has("pattern")) {
                into.add(Pattern.compile(entry.path("pattern").asText()));
            } else if (entry.has("glob")) {
                into.add(glob(entry.path("glob").asText()));
            }
        }
    }

    private static Pattern glob(String glob) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                regex.append(".*");
                i++;
            } else if (c == '*') {
                regex.append("[^/]*");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }

    /** The configuration files Quarkus told native-image to ignore ({@code --exclude-config jar-regex path-regex}). */
    private static Set<String> excludedConfigurations(List<String> arguments) {
        Set<String> excluded = new HashSet<>();
        for (int i = 0; i + 2 < arguments.size(); i++) {
            if (arguments.get(i).equals("--exclude-config")) {
                excluded.add(arguments.get(i + 2).replace("\\", ""));
            }
        }
        return excluded;
    }

    /**
     * The classes Quarkus's generated feature hands to {@code RuntimeClassInitialization.initializeAtRunTime}.
     * It initialises every other class while the image is built ({@code initializeAtBuildTime("")}),
     * loading the run-time ones by name with {@code Class.forName(name, false, loader)} first.
     */
    static Set<String> initialisedAtRunTime(byte[] feature) {
        ClassNode node = new ClassNode();
        new ClassReader(feature).accept(node, ClassReader.SKIP_FRAMES);
        Set<String> names = new HashSet<>();
        for (MethodNode method : node.methods) {
            List<String> loaded = new ArrayList<>();
            for (AbstractInsnNode insn : method.instructions) {
                if (insn instanceof LdcInsnNode ldc && ldc.cst instanceof String s) {
                    loaded.add(s);
                } else if (insn instanceof MethodInsnNode call && call.getOpcode() == Opcodes.INVOKESTATIC) {
                    if (call.owner.equals("java/lang/Class") && call.name.equals("forName") && !loaded.isEmpty()) {
                        names.add(loaded.getLast());
                    } else if (call.name.equals("initializeAtRunTime")) {
                        return names;
                    }
                }
            }
            names.clear();
        }
        return names;
    }
}
