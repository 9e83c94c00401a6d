package io.fairdraw.localcloud;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * A built web app served beside the API on the same origin, as CloudFront serves the S3 bucket
 * and the API under one domain in AWS. Paths that are no file get {@code index.html} (the app
 * routes them itself); nothing outside the folder is ever read.
 */
final class StaticFiles {
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8", "js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml", "png", "image/png", "json", "application/json", "ico", "image/x-icon",
            "webmanifest", "application/manifest+json", "txt", "text/plain; charset=utf-8");

    private final Optional<Path> root;

    StaticFiles(Optional<Path> root) {
        this.root = root.map(Path::toAbsolutePath).map(Path::normalize);
    }

    /** Serves a GET for a file of the app; false when there is no app or the request is not for one. */
    boolean serve(HttpExchange exchange) throws IOException {
        if (root.isEmpty() || !Files.isDirectory(root.get()) || !exchange.getRequestMethod().equals("GET")
                || exchange.getRequestURI().getPath().startsWith("/v1/")) {
            return false;
        }
        Path file = root.get().resolve(exchange.getRequestURI().getPath().substring(1)).normalize();
        if (!file.startsWith(root.get())) {
            return false;
        }
        if (!Files.isRegularFile(file)) {
            file = root.get().resolve("index.html");
            if (!Files.isRegularFile(file)) {
                return false;
            }
        }
        String name = file.getFileName().toString();
        String type = TYPES.getOrDefault(name.substring(name.lastIndexOf('.') + 1), "application/octet-stream");
        byte[] body = Files.readAllBytes(file);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", name.equals("index.html") ? "no-cache" : "public, max-age=300");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        return true;
    }
}
