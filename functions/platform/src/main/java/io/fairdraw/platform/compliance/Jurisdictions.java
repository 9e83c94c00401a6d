package io.fairdraw.platform.compliance;

import io.fairdraw.model.compliance.JurisdictionCatalogue;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The jurisdiction catalogue in force: the file named by
 * {@code fairdraw.compliance.jurisdictions-file} (set by Terraform), or the shipped sample.
 */
public class Jurisdictions {
    @Produces
    @Singleton
    JurisdictionCatalogue catalogue(
            @ConfigProperty(name = "fairdraw.compliance.jurisdictions-file") Optional<String> file) {
        return file.map(Path::of).map(JurisdictionFiles::read).orElseGet(JurisdictionFiles::sample);
    }
}
