package io.fairdraw.nativecheck;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;

/**
 * Fairdraw's own classes on an image's class path, as bytecode (for the analyses) and through a
 * class loader over the whole class path that never initialises what it loads (for the shapes of
 * JSON types).
 */
public final class Classes {
    static final String OURS = "io/fairdraw/";

    private final Map<String, ClassNode> nodes;
    private final ClassLoader loader;

    private Classes(Map<String, ClassNode> nodes, ClassLoader loader) {
        this.nodes = nodes;
        this.loader = loader;
    }

    /** Fairdraw's classes in {@code jars}, the runner jar first (Quarkus's transformed copies win). */
    static Classes of(List<Path> jars) {
        Map<String, ClassNode> nodes = new LinkedHashMap<>();
        URL[] urls = new URL[jars.size()];
        for (int i = 0; i < jars.size(); i++) {
            Path jar = jars.get(i);
            try {
                urls[i] = jar.toUri().toURL();
            } catch (MalformedURLException e) {
                throw new IllegalStateException(e);
            }
            try (JarFile file = new JarFile(jar.toFile())) {
                for (JarEntry entry : file.stream().toList()) {
                    String name = entry.getName();
                    if (name.startsWith(OURS) && name.endsWith(".class")) {
                        try (InputStream in = file.getInputStream(entry)) {
                            ClassNode node = new ClassNode();
                            new ClassReader(in.readAllBytes()).accept(node, ClassReader.SKIP_FRAMES);
                            nodes.putIfAbsent(node.name, node);
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + jar, e);
            }
        }
        return new Classes(nodes, new URLClassLoader(urls, ClassLoader.getPlatformClassLoader()));
    }

    /** Classes analysed from bytes already read (tests). */
    static Classes of(Collection<byte[]> classFiles, ClassLoader loader) {
        Map<String, ClassNode> nodes = new LinkedHashMap<>();
        for (byte[] bytes : classFiles) {
            ClassNode node = new ClassNode();
            new ClassReader(bytes).accept(node, ClassReader.SKIP_FRAMES);
            nodes.put(node.name, node);
        }
        return new Classes(nodes, loader);
    }

    Collection<ClassNode> all() {
        return nodes.values();
    }

    /**
     * The classes compiled from Fairdraw's sources. The others are generated for it by Quarkus
     * (beans, client proxies, configuration mappings) or Hibernate (entity proxies), carry no
     * source file, and are those extensions' to make native-ready.
     */
    List<ClassNode> written() {
        return nodes.values().stream().filter(n -> n.sourceFile != null).toList();
    }

    Optional<ClassNode> node(String internalName) {
        return Optional.ofNullable(nodes.get(internalName));
    }

    ClassLoader loader() {
        return loader;
    }

    static boolean ours(String internalName) {
        return internalName.startsWith(OURS);
    }
}
