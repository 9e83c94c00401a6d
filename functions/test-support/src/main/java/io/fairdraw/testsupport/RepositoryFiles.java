package io.fairdraw.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds files of the repository from a module's test, whichever module runs it. */
public final class RepositoryFiles {
    private static final String MARKER = "infra-terraform/topology.json";

    private RepositoryFiles() {
    }

    public static Path root() {
        for (Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(MARKER))) {
                return dir;
            }
        }
        throw new IllegalStateException("no " + MARKER + " above " + System.getProperty("user.dir"));
    }

    public static Path resolve(String relative) {
        return root().resolve(relative);
    }
}
