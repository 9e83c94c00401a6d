package io.fairdraw.registration.kyc;

import io.fairdraw.model.compliance.KycOutcome;
import io.fairdraw.model.id.PlayerId;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * A provider for laptops and tests whose outcome is decided by the document number, so a test
 * can drive every path: a number ending in {@code REFER} is referred, one ending in
 * {@code REJECT} is rejected, any other is approved. It "reads" the date of birth the submission
 * says the document shows, so a test can also drive a document that contradicts the declared
 * date. Every result it gives names it as the sandbox, so no one mistakes its approvals for real
 * ones.
 */
@ApplicationScoped
@DefaultBean
public class SandboxKycProvider implements KycProvider {
    public static final String NAME = "sandbox";

    @Override
    public Result check(PlayerId player, KycSubmission submission) {
        String number = submission.documentNumber().toUpperCase(Locale.ROOT);
        KycOutcome outcome = number.endsWith("REFER") ? KycOutcome.REFER
                : number.endsWith("REJECT") ? KycOutcome.REJECT
                : KycOutcome.APPROVE;
        return new Result(outcome, NAME, reference(player, submission), Optional.of(submission.dateOfBirth()));
    }

    private static String reference(PlayerId player, KycSubmission submission) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(
                    (player.value() + "|" + submission.documentType() + "|" + submission.documentNumber()).getBytes(StandardCharsets.UTF_8));
            return "sandbox-" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}
