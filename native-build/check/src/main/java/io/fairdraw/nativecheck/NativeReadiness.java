package io.fairdraw.nativecheck;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.SourceInterpreter;
import org.objectweb.asm.tree.analysis.SourceValue;

/**
 * The check itself: what in one function's native build would make its executable fail or leak,
 * as findings a person can act on. No finding means the configuration holds for everything this
 * check can see; see native-build/README.md for what only a real native build proves.
 *
 * <ol>
 * <li>Every classpath resource our code loads by name is in the image.</li>
 * <li>Every type of ours that Jackson reads or writes (REST bodies, handler events and results,
 * views written by hand, stored documents), and every type of ours they hold, is registered for
 * reflection with its members.</li>
 * <li>No class of ours that Quarkus initialises while the image is built opens a connection,
 * starts a thread, reads the environment, a file or configuration, or makes a random generator
 * in its static initialiser: that state would be frozen into the executable.</li>
 * <li>Reflection in our code looks up members of a class literal registered for reflection, and
 * {@code Class.forName} takes a constant: native-image keeps only what it was told about.</li>
 * <li>URLs with {@code https} work (every function reaches AWS over HTTPS).</li>
 * <li>The AWS SDK's Apache and Netty HTTP clients are not on the image's class path: Fairdraw
 * uses the URL connection client, and the others drag threads and reflection into the image.</li>
 * </ol>
 */
public final class NativeReadiness {
    private static final Set<String> REST_METHODS = Set.of("Ljakarta/ws/rs/GET;", "Ljakarta/ws/rs/POST;", "Ljakarta/ws/rs/PUT;",
            "Ljakarta/ws/rs/DELETE;", "Ljakarta/ws/rs/PATCH;");
    private static final Set<String> NOT_A_BODY = Set.of("Ljakarta/ws/rs/PathParam;", "Ljakarta/ws/rs/QueryParam;",
            "Ljakarta/ws/rs/HeaderParam;", "Ljakarta/ws/rs/CookieParam;", "Ljakarta/ws/rs/FormParam;", "Ljakarta/ws/rs/MatrixParam;",
            "Ljakarta/ws/rs/core/Context;", "Ljakarta/ws/rs/BeanParam;", "Lorg/jboss/resteasy/reactive/RestPath;",
            "Lorg/jboss/resteasy/reactive/RestQuery;", "Lorg/jboss/resteasy/reactive/RestHeader;");
    private static final String HANDLER = "com/amazonaws/services/lambda/runtime/RequestHandler";
    private static final Pattern OUR_TYPE_IN_SIGNATURE = Pattern.compile("L(io/fairdraw/[\\w/$]+)[;<]");
    private static final Pattern OUR_TYPE_NAME = Pattern.compile("io\\.fairdraw\\.[\\w.$]+");
    private static final List<String> FORBIDDEN_LIBRARIES = List.of("software.amazon.awssdk.apache-client-",
            "software.amazon.awssdk.netty-nio-client-");

    private NativeReadiness() {
    }

    /** Everything wrong with {@code build}; empty when nothing is. */
    public static List<String> findings(NativeBuild build) {
        Uses uses = Uses.of(build.classes());
        List<String> findings = new ArrayList<>();
        for (String resource : uses.resources) {
            if (!build.includesResource(resource)) {
                findings.add("resource " + resource + " is loaded at run time but not included in the image"
                        + " (quarkus.native.resources.includes)");
            }
        }
        uses.untraced.forEach(u -> findings.add("cannot check: " + u));
        for (String type : jsonTypes(build, uses, findings)) {
            if (!build.registeredWithMembers(type)) {
                findings.add("type " + type + " is read or written as JSON but not registered for reflection"
                        + " (@RegisterForReflection)");
            }
        }
        findings.addAll(buildTimeHazards(build));
        findings.addAll(reflectiveCalls(build));
        if (!https(build.arguments())) {
            findings.add("native-image is not given https among --enable-url-protocols: the function cannot reach AWS");
        }
        for (String library : build.libraries()) {
            FORBIDDEN_LIBRARIES.stream().filter(library::startsWith)
                    .forEach(f -> findings.add("library " + library + " is in the image; use the URL connection client"));
        }
        return findings;
    }

    /** One line on what was looked at, for the build log. */
    public static String summary(NativeBuild build) {
        Uses uses = Uses.of(build.classes());
        int json = jsonTypes(build, uses, new ArrayList<>()).size();
        return build.function() + ": " + build.classes().all().size() + " classes of ours, " + uses.resources.size()
                + " resources loaded by name, " + json + " JSON types, " + build.reflection().size() + " types registered for reflection, "
                + build.initialisedAtRunTime().size() + " classes initialised at run time, " + build.libraries().size() + " libraries";
    }

    private static boolean https(List<String> arguments) {
        return arguments.stream().anyMatch(a -> a.equals("--enable-https")
                || a.startsWith("--enable-url-protocols=") && List.of(a.substring(a.indexOf('=') + 1).split(",")).contains("https"));
    }

    /** Every type of ours Jackson reads or writes in the function, and every type of ours they hold. */
    private static Set<String> jsonTypes(NativeBuild build, Uses uses, List<String> findings) {
        Set<String> roots = new TreeSet<>(uses.jsonTypes);
        roots.addAll(restAndHandlerTypes(build.classes()));
        return jsonClosure(roots, build.classes().loader(), findings);
    }

    /** Bodies and results of REST methods, and the events and results of Lambda handlers (internal names). */
    static Set<String> restAndHandlerTypes(Classes classes) {
        Set<String> types = new TreeSet<>();
        for (ClassNode owner : classes.written()) {
            if (owner.interfaces.contains(HANDLER) && owner.signature != null) {
                ours(owner.signature, types);
            }
            for (MethodNode method : owner.methods) {
                if (!annotated(method.visibleAnnotations, REST_METHODS)) {
                    continue;
                }
                String signature = method.signature != null ? method.signature : method.desc;
                ours(signature.substring(signature.lastIndexOf(')') + 1), types);
                Type[] parameters = Type.getArgumentTypes(method.desc);
                for (int p = 0; p < parameters.length; p++) {
                    List<AnnotationNode> annotations = method.visibleParameterAnnotations == null ? null
                            : method.visibleParameterAnnotations[p];
                    if (!annotated(annotations, NOT_A_BODY) && parameters[p].getSort() == Type.OBJECT) {
                        ours(parameters[p].getDescriptor(), types);
                    }
                }
            }
        }
        return types;
    }

    private static boolean annotated(List<AnnotationNode> annotations, Set<String> descriptors) {
        return annotations != null && annotations.stream().anyMatch(a -> descriptors.contains(a.desc));
    }

    private static void ours(String signature, Set<String> into) {
        Matcher m = OUR_TYPE_IN_SIGNATURE.matcher(signature);
        while (m.find()) {
            into.add(m.group(1));
        }
    }

    /**
     * The roots and every type of ours they hold: record components, instance fields and getters,
     * type arguments, array elements and the permitted subtypes of a sealed type. Binary names.
     */
    static Set<String> jsonClosure(Set<String> roots, ClassLoader loader, List<String> findings) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> queue = new ArrayDeque<>();
        roots.forEach(r -> queue.add(r.replace('/', '.')));
        while (!queue.isEmpty()) {
            String name = queue.poll();
            if (!seen.add(name)) {
                continue;
            }
            Class<?> type;
            try {
                type = Class.forName(name, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                findings.add("cannot check: JSON type " + name + " cannot be loaded (" + e + ")");
                continue;
            }
            List<String> held = new ArrayList<>();
            if (type.isRecord()) {
                for (RecordComponent component : type.getRecordComponents()) {
                    held.add(component.getGenericType().getTypeName());
                }
            } else if (!type.isEnum() && !type.isInterface()) {
                for (Field field : type.getDeclaredFields()) {
                    if (!Modifier.isStatic(field.getModifiers()) && !Modifier.isTransient(field.getModifiers())) {
                        held.add(field.getGenericType().getTypeName());
                    }
                }
                for (Method method : type.getDeclaredMethods()) {
                    boolean getter = method.getParameterCount() == 0 && Modifier.isPublic(method.getModifiers())
                            && !Modifier.isStatic(method.getModifiers()) && method.getName().matches("(get|is)[A-Z].*");
                    if (getter) {
                        held.add(method.getGenericReturnType().getTypeName());
                    }
                }
            }
            if (type.isSealed()) {
                for (Class<?> permitted : type.getPermittedSubclasses()) {
                    held.add(permitted.getName());
                }
            }
            for (String typeName : held) {
                Matcher m = OUR_TYPE_NAME.matcher(typeName);
                while (m.find()) {
                    queue.add(m.group());
                }
            }
        }
        seen.removeIf(name -> {
            try {
                Class<?> type = Class.forName(name, false, loader);
                return type.isInterface() || Modifier.isAbstract(type.getModifiers()) && !type.isEnum();
            } catch (ClassNotFoundException | LinkageError e) {
                return true;
            }
        });
        return seen;
    }

    private static final Set<String> REFLECTIVE = Set.of("forName", "getDeclaredMethod", "getDeclaredMethods", "getDeclaredField",
            "getDeclaredFields", "getDeclaredConstructor", "getDeclaredConstructors", "getMethod", "getMethods", "getField", "getFields",
            "getConstructor", "getConstructors", "getRecordComponents");

    /** Reflective look-ups in our code whose class is not a registered constant. */
    static List<String> reflectiveCalls(NativeBuild build) {
        List<String> findings = new ArrayList<>();
        for (ClassNode owner : build.classes().written()) {
            for (MethodNode method : owner.methods) {
                List<Integer> calls = new ArrayList<>();
                for (int i = 0; i < method.instructions.size(); i++) {
                    if (method.instructions.get(i) instanceof MethodInsnNode call && call.owner.equals("java/lang/Class")
                            && REFLECTIVE.contains(call.name)) {
                        calls.add(i);
                    }
                }
                if (calls.isEmpty()) {
                    continue;
                }
                Frame<SourceValue>[] frames;
                try {
                    frames = new Analyzer<>(new SourceInterpreter()).analyze(owner.name, method);
                } catch (AnalyzerException e) {
                    findings.add("cannot check: " + Uses.where(owner, method) + ": cannot analyse (" + e.getMessage() + ")");
                    continue;
                }
                for (int i : calls) {
                    MethodInsnNode call = (MethodInsnNode) method.instructions.get(i);
                    Frame<SourceValue> frame = frames[i];
                    if (frame == null) {
                        continue;
                    }
                    int arguments = Type.getArgumentTypes(call.desc).length;
                    SourceValue subject = call.name.equals("forName") ? frame.getStack(frame.getStackSize() - arguments)
                            : frame.getStack(frame.getStackSize() - arguments - 1);
                    String target = subject.insns.size() != 1 ? null : switch (subject.insns.iterator().next()) {
                        case LdcInsnNode ldc when ldc.cst instanceof Type t -> t.getClassName();
                        case LdcInsnNode ldc when ldc.cst instanceof String name -> name;
                        default -> null;
                    };
                    // native-image resolves Class.forName of a constant name while it builds: the class
                    // need only exist. Members looked up reflectively must be registered.
                    boolean resolvedWhileBuilt = call.name.equals("forName") && target != null;
                    if (!resolvedWhileBuilt && (target == null || !build.registeredWithMembers(target))) {
                        findings.add(Uses.where(owner, method) + " calls Class." + call.name + " on "
                                + (target == null ? "a class computed at run time" : target + ", which is not registered for reflection")
                                + ": native-image keeps only registered members");
                    }
                }
            }
        }
        return findings;
    }

    /** Calls that must not run while the image is built, by owner and method name ("*": any). */
    private static final Map<String, Set<String>> HAZARDS = Map.ofEntries(
            Map.entry("java/net/http/HttpClient", Set.of("newHttpClient", "newBuilder")),
            Map.entry("java/net/Socket", Set.of("<init>")),
            Map.entry("java/net/URL", Set.of("openConnection", "openStream")),
            Map.entry("java/nio/channels/SocketChannel", Set.of("open")),
            Map.entry("java/security/SecureRandom", Set.of("<init>", "getInstance", "getInstanceStrong")),
            Map.entry("java/util/Random", Set.of("<init>")),
            Map.entry("java/util/SplittableRandom", Set.of("<init>")),
            Map.entry("java/util/concurrent/ThreadLocalRandom", Set.of("current")),
            Map.entry("java/util/UUID", Set.of("randomUUID")),
            Map.entry("java/lang/System", Set.of("getenv")),
            Map.entry("java/lang/Thread", Set.of("<init>", "start", "ofPlatform", "ofVirtual", "startVirtualThread")),
            Map.entry("java/util/concurrent/Executors", Set.of("*")),
            Map.entry("org/eclipse/microprofile/config/ConfigProvider", Set.of("getConfig")),
            Map.entry("java/nio/file/Files", Set.of("readAllBytes", "readString", "readAllLines", "newInputStream",
                    "newBufferedReader", "lines")),
            Map.entry("java/io/FileInputStream", Set.of("<init>")),
            Map.entry("javax/crypto/KeyGenerator", Set.of("getInstance")),
            Map.entry("java/security/KeyPairGenerator", Set.of("getInstance")));

    /**
     * Our classes that Quarkus initialises while the image is built and whose static initialiser
     * (or anything of ours it calls) does something that belongs to run time.
     */
    static List<String> buildTimeHazards(NativeBuild build) {
        List<String> findings = new ArrayList<>();
        for (ClassNode owner : build.classes().written()) {
            if (build.initialisedAtRunTime().contains(owner.name.replace('/', '.'))) {
                continue;
            }
            owner.methods.stream().filter(m -> m.name.equals("<clinit>")).findFirst().ifPresent(clinit -> {
                String hazard = hazard(build.classes(), owner, clinit, new HashSet<>(), owner.name.replace('/', '.'));
                if (hazard != null) {
                    findings.add("class " + owner.name.replace('/', '.') + " is initialised while the image is built and " + hazard);
                }
            });
        }
        return findings;
    }

    private static String hazard(Classes classes, ClassNode owner, MethodNode method, Set<String> visited, String path) {
        if (!visited.add(owner.name + "." + method.name + method.desc)) {
            return null;
        }
        for (AbstractInsnNode insn : method.instructions) {
            if (insn instanceof TypeInsnNode made && made.getOpcode() == Opcodes.NEW && Classes.ours(made.desc)) {
                String found = classes.node(made.desc).flatMap(n -> n.methods.stream().filter(m -> m.name.equals("<clinit>")).findFirst()
                        .map(m -> hazard(classes, n, m, visited, path + " → " + made.desc.replace('/', '.')))).orElse(null);
                if (found != null) {
                    return found;
                }
            }
            if (!(insn instanceof MethodInsnNode call)) {
                continue;
            }
            Set<String> names = HAZARDS.get(call.owner);
            if (names != null && (names.contains("*") || names.contains(call.name))) {
                return "calls " + call.owner.replace('/', '.') + "." + call.name + " (" + path + ")";
            }
            if (Classes.ours(call.owner) && call.getOpcode() != Opcodes.INVOKEINTERFACE) {
                ClassNode callee = classes.node(call.owner).orElse(null);
                MethodNode target = callee == null ? null
                        : callee.methods.stream().filter(m -> m.name.equals(call.name) && m.desc.equals(call.desc)).findFirst().orElse(null);
                if (target != null) {
                    String found = hazard(classes, callee, target, visited, path + " → " + call.owner.replace('/', '.') + "." + call.name);
                    if (found != null) {
                        return found;
                    }
                }
            }
        }
        return null;
    }
}
