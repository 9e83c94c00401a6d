package io.fairdraw.nativecheck;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.SimpleVerifier;
import org.objectweb.asm.tree.analysis.SourceInterpreter;
import org.objectweb.asm.tree.analysis.SourceValue;

/**
 * What Fairdraw's code hands at run time to the two things native-image must be told about: the
 * classpath resources it loads by name, and the types Jackson reads or writes by reflection.
 *
 * <p>It starts from the library calls that take them ({@code getResourceAsStream(String)},
 * {@code ObjectMapper.writeValueAsString(Object)}, {@code readValue(…, Class)},
 * {@code Response.ok(Object)}, …) and looks at each argument where it is made: a constant
 * resource name or class literal is a use; a value of one of our types is a use of that type; a
 * parameter of the calling method makes that method a sink in its turn, so a use through a
 * helper such as {@code JsonFiles.resource(name, parse)} or {@code write(Object view)} is found at
 * the helper's callers. An argument it cannot trace is reported, never ignored.
 */
final class Uses {
    enum Kind {
        RESOURCE("Ljava/lang/String;"), JSON_VALUE("Ljava/lang/Object;"), JSON_TYPE("Ljava/lang/Class;");

        final String descriptor;

        Kind(String descriptor) {
            this.descriptor = descriptor;
        }
    }

    /** A method that takes something of {@code kind} at argument {@code argument} (-1: every argument of the kind's type). */
    record Sink(String owner, String name, String descriptor, int argument, Kind kind) {
        boolean matches(MethodInsnNode call) {
            return call.owner.equals(owner) && call.name.equals(name) && (descriptor == null || descriptor.equals(call.desc));
        }
    }

    private static final String MAPPER = "com/fasterxml/jackson/databind/ObjectMapper";
    private static final String WRITER = "com/fasterxml/jackson/databind/ObjectWriter";
    private static final String READER = "com/fasterxml/jackson/databind/ObjectReader";

    static final List<Sink> LIBRARY = List.of(
            new Sink("java/lang/ClassLoader", "getResourceAsStream", null, -1, Kind.RESOURCE),
            new Sink("java/lang/ClassLoader", "getResource", null, -1, Kind.RESOURCE),
            new Sink("java/lang/ClassLoader", "getResources", null, -1, Kind.RESOURCE),
            new Sink("java/lang/Class", "getResourceAsStream", null, -1, Kind.RESOURCE),
            new Sink("java/lang/Class", "getResource", null, -1, Kind.RESOURCE),
            new Sink(MAPPER, "writeValueAsString", null, -1, Kind.JSON_VALUE),
            new Sink(MAPPER, "writeValueAsBytes", null, -1, Kind.JSON_VALUE),
            new Sink(MAPPER, "writeValue", null, -1, Kind.JSON_VALUE),
            new Sink(MAPPER, "valueToTree", null, -1, Kind.JSON_VALUE),
            new Sink(MAPPER, "convertValue", null, -1, Kind.JSON_VALUE),
            new Sink(MAPPER, "convertValue", null, -1, Kind.JSON_TYPE),
            new Sink(MAPPER, "readValue", null, -1, Kind.JSON_TYPE),
            new Sink(MAPPER, "treeToValue", null, -1, Kind.JSON_TYPE),
            new Sink(MAPPER, "readerFor", null, -1, Kind.JSON_TYPE),
            new Sink(MAPPER, "writerFor", null, -1, Kind.JSON_TYPE),
            new Sink(WRITER, "writeValueAsString", null, -1, Kind.JSON_VALUE),
            new Sink(WRITER, "writeValueAsBytes", null, -1, Kind.JSON_VALUE),
            new Sink(WRITER, "writeValue", null, -1, Kind.JSON_VALUE),
            new Sink(READER, "forType", null, -1, Kind.JSON_TYPE),
            new Sink("jakarta/ws/rs/core/Response", "ok", null, -1, Kind.JSON_VALUE),
            new Sink("jakarta/ws/rs/core/Response$ResponseBuilder", "entity", null, -1, Kind.JSON_VALUE),
            new Sink("org/jboss/resteasy/reactive/RestResponse", "ok", null, -1, Kind.JSON_VALUE),
            new Sink("org/jboss/resteasy/reactive/RestResponse$ResponseBuilder", "entity", null, -1, Kind.JSON_VALUE));

    /** Resource names loaded, the class that loads each, and what could not be traced. */
    final Set<String> resources = new TreeSet<>();
    /** Our types (internal names) that Jackson reads or writes outside what Quarkus REST registers. */
    final Set<String> jsonTypes = new TreeSet<>();
    final Set<String> untraced = new LinkedHashSet<>();

    private final Classes classes;

    private Uses(Classes classes) {
        this.classes = classes;
    }

    static Uses of(Classes classes) {
        Uses uses = new Uses(classes);
        uses.run();
        return uses;
    }

    private void run() {
        List<Sink> sinks = new ArrayList<>(LIBRARY);
        Set<Sink> known = new HashSet<>(sinks);
        Set<String> analysed = new HashSet<>();
        boolean grew = true;
        while (grew) {
            grew = false;
            for (ClassNode owner : classes.written()) {
                for (MethodNode method : owner.methods) {
                    String key = owner.name + "." + method.name + method.desc + "#" + sinks.size();
                    if (!calls(method, sinks) || !analysed.add(key)) {
                        continue;
                    }
                    for (Sink found : analyse(owner, method, sinks)) {
                        if (known.add(found)) {
                            sinks.add(found);
                            grew = true;
                        }
                    }
                }
            }
        }
    }

    private static boolean calls(MethodNode method, List<Sink> sinks) {
        for (AbstractInsnNode insn : method.instructions) {
            if (insn instanceof MethodInsnNode call && sinks.stream().anyMatch(s -> s.matches(call))) {
                return true;
            }
        }
        return false;
    }

    /** Records the uses in one method; answers the sinks its own parameters become. */
    private List<Sink> analyse(ClassNode owner, MethodNode method, List<Sink> sinks) {
        List<Sink> found = new ArrayList<>();
        Frame<SourceValue>[] sources;
        Frame<BasicValue>[] types;
        try {
            sources = new Analyzer<>(new SourceInterpreter()).analyze(owner.name, method);
            SimpleVerifier verifier = new SimpleVerifier(Type.getObjectType(owner.name),
                    owner.superName == null ? null : Type.getObjectType(owner.superName),
                    owner.interfaces.stream().map(Type::getObjectType).toList(), (owner.access & Opcodes.ACC_INTERFACE) != 0);
            verifier.setClassLoader(classes.loader());
            types = new Analyzer<>(verifier).analyze(owner.name, method);
        } catch (AnalyzerException | RuntimeException e) {
            untraced.add(where(owner, method) + ": cannot analyse (" + e.getMessage() + ")");
            return found;
        }
        int[] parameterOfSlot = parameterSlots(method);
        for (int i = 0; i < method.instructions.size(); i++) {
            if (!(method.instructions.get(i) instanceof MethodInsnNode call) || sources[i] == null) {
                continue;
            }
            Type[] arguments = Type.getArgumentTypes(call.desc);
            for (Sink sink : sinks) {
                if (!sink.matches(call)) {
                    continue;
                }
                for (int a = 0; a < arguments.length; a++) {
                    boolean tracked = sink.argument() >= 0 ? sink.argument() == a : arguments[a].getDescriptor().equals(sink.kind().descriptor);
                    if (!tracked) {
                        continue;
                    }
                    int slot = sources[i].getStackSize() - arguments.length + a;
                    SourceValue source = sources[i].getStack(slot);
                    BasicValue type = types[i].getStack(slot);
                    trace(owner, method, sink, call, source, type, parameterOfSlot, found);
                }
            }
        }
        return found;
    }

    private void trace(ClassNode owner, MethodNode method, Sink sink, MethodInsnNode call, SourceValue source, BasicValue type,
            int[] parameterOfSlot, List<Sink> found) {
        String staticType = type == null || type.getType() == null ? null : type.getType().getInternalName();
        if (sink.kind() == Kind.JSON_VALUE && staticType != null && Classes.ours(staticType)) {
            jsonTypes.add(staticType);
            return;
        }
        for (AbstractInsnNode origin : source.insns) {
            if (origin instanceof LdcInsnNode ldc && ldc.cst instanceof String name && sink.kind() == Kind.RESOURCE) {
                resources.add(name.startsWith("/") ? name.substring(1) : name);
            } else if (origin instanceof LdcInsnNode ldc && ldc.cst instanceof Type literal && sink.kind() == Kind.JSON_TYPE) {
                if (Classes.ours(literal.getInternalName())) {
                    jsonTypes.add(literal.getInternalName());
                }
            } else if (origin instanceof VarInsnNode load && load.getOpcode() == Opcodes.ALOAD && load.var < parameterOfSlot.length
                    && parameterOfSlot[load.var] >= 0 && !storedTo(method, load.var)) {
                found.add(new Sink(owner.name, method.name, method.desc, parameterOfSlot[load.var], sink.kind()));
            } else if (sink.kind() == Kind.JSON_VALUE && staticType != null && !staticType.equals("java/lang/Object")) {
                // A library type (a Map, a JsonNode, a String): Jackson needs no registration of ours.
            } else if (origin.getOpcode() == Opcodes.ACONST_NULL) {
                // nothing is handed over
            } else {
                untraced.add(where(owner, method) + ": the " + sink.kind().name().toLowerCase().replace('_', ' ') + " given to "
                        + call.owner.substring(call.owner.lastIndexOf('/') + 1) + "." + call.name + " is computed at run time");
            }
        }
    }

    /** For each local slot, the index of the parameter it holds on entry, or -1. */
    private static int[] parameterSlots(MethodNode method) {
        Type[] parameters = Type.getArgumentTypes(method.desc);
        int slot = (method.access & Opcodes.ACC_STATIC) != 0 ? 0 : 1;
        int[] slots = new int[Math.max(method.maxLocals, slot + parameters.length * 2)];
        Arrays.fill(slots, -1);
        for (int p = 0; p < parameters.length; p++) {
            slots[slot] = p;
            slot += parameters[p].getSize();
        }
        return slots;
    }

    private static boolean storedTo(MethodNode method, int var) {
        for (AbstractInsnNode insn : method.instructions) {
            if (insn instanceof VarInsnNode store && store.getOpcode() == Opcodes.ASTORE && store.var == var) {
                return true;
            }
        }
        return false;
    }

    static String where(ClassNode owner, MethodNode method) {
        return owner.name.replace('/', '.') + "." + method.name;
    }
}
