package io.fairdraw.draw.beacon;

import com.fasterxml.jackson.databind.JsonNode;
import io.fairdraw.draw.BeaconSource;
import io.fairdraw.model.fairness.Encoding;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * A drand chain's information as a relay serves it at {@code /{chainHash}/info}, and the checks
 * every round of that chain must pass. The chain hash covers the period, the genesis time, the
 * public key, the genesis seed and the beacon id, so once {@link #requireHash} has passed a relay
 * cannot have changed any of them. The scheme is not covered; it is accepted only where the public
 * key's length agrees with it.
 */
record DrandChain(String hash, String publicKey, long periodSeconds, long genesisSeconds, String groupHash, Scheme scheme, String beaconId) {
    private static final HexFormat HEX = HexFormat.of();
    private static final Pattern LOWER_HEX = Pattern.compile("([0-9a-f]{2})*");
    private static final String DEFAULT_BEACON_ID = "default";

    /** The two schemes the independent verifier checks (docs/fairness/verify.mjs): quicknet's and the original mainnet's. */
    enum Scheme {
        /** quicknet: unchained, 48-byte signatures on G1 over SHA-256(round). */
        BLS_UNCHAINED_G1_RFC9380("bls-unchained-g1-rfc9380", 96, 48, false),
        /** mainnet ("default"): chained, 96-byte signatures on G2 over SHA-256(previous signature, round). */
        PEDERSEN_BLS_CHAINED("pedersen-bls-chained", 48, 96, true);

        final String id;
        final int publicKeyBytes;
        final int signatureBytes;
        final boolean chained;

        Scheme(String id, int publicKeyBytes, int signatureBytes, boolean chained) {
            this.id = id;
            this.publicKeyBytes = publicKeyBytes;
            this.signatureBytes = signatureBytes;
            this.chained = chained;
        }

        static Scheme of(String id) throws RelayFailure {
            for (Scheme scheme : values()) {
                if (scheme.id.equals(id)) {
                    return scheme;
                }
            }
            throw new RelayFailure("scheme " + id + " is not one the verifier checks");
        }
    }

    static DrandChain parse(JsonNode info) throws RelayFailure {
        if (info == null || !info.isObject()) {
            throw new RelayFailure("the chain information is not a JSON object");
        }
        Scheme scheme = Scheme.of(text(info, "schemeID"));
        String publicKey = hex(info, "public_key", scheme.publicKeyBytes);
        long period = whole(info, "period");
        long genesis = whole(info, "genesis_time");
        if (period < 1 || period > 0xFFFF_FFFFL || genesis < 1) {
            throw new RelayFailure("the chain's period or genesis time is out of range");
        }
        JsonNode beaconId = info.path("metadata").path("beaconID");
        return new DrandChain(hex(info, "hash", 32), publicKey, period, genesis, hex(info, "groupHash", 32), scheme,
                beaconId.isTextual() ? beaconId.asText() : DEFAULT_BEACON_ID);
    }

    /** drand's chain hash: SHA-256(u32(period) || u64(genesis) || public key || genesis seed [|| beacon id unless "default"]). */
    String computedHash() {
        Encoding encoding = new Encoding().u32(periodSeconds).u64(genesisSeconds).raw(HEX.parseHex(publicKey)).raw(HEX.parseHex(groupHash));
        if (!beaconId.isEmpty() && !DEFAULT_BEACON_ID.equals(beaconId)) {
            encoding.raw(beaconId.getBytes(StandardCharsets.UTF_8));
        }
        return HEX.formatHex(Encoding.sha256(encoding.bytes()));
    }

    void requireHash(String configured) throws RelayFailure {
        if (!hash.equals(configured)) {
            throw new RelayFailure("it serves chain " + hash + ", not " + configured);
        }
        if (!computedHash().equals(configured)) {
            throw new RelayFailure("its chain information does not hash to " + configured);
        }
    }

    /**
     * A relay's answer for {@code asked}, accepted only if it is that round, its signature has the
     * scheme's length, its randomness is SHA-256 of the signature, and on a chained network its
     * previous signature has the right length (round 1's is the genesis seed). The BLS signature
     * itself is left to the independent verifier.
     */
    BeaconSource.Round accept(long asked, JsonNode answer) throws RelayFailure {
        if (answer == null || !answer.isObject()) {
            throw new RelayFailure("the answer is not a JSON object");
        }
        long round = whole(answer, "round");
        if (round != asked) {
            throw new RelayFailure("asked for round " + asked + ", answered round " + round);
        }
        String signature = hex(answer, "signature", scheme.signatureBytes);
        String randomness = hex(answer, "randomness", 32);
        if (!Arrays.equals(HEX.parseHex(randomness), Encoding.sha256(HEX.parseHex(signature)))) {
            throw new RelayFailure("round " + round + "'s randomness is not the SHA-256 of its signature");
        }
        String previous = null;
        if (scheme.chained) {
            previous = hex(answer, "previous_signature", round == 1 ? 32 : scheme.signatureBytes);
            if (round == 1 && !previous.equals(groupHash)) {
                throw new RelayFailure("round 1's previous signature is not the chain's genesis seed");
            }
        }
        return new BeaconSource.Round(round, signature, previous, randomness);
    }

    private static String text(JsonNode node, String field) throws RelayFailure {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new RelayFailure(field + " is missing or not a string");
        }
        return value.asText();
    }

    private static String hex(JsonNode node, String field, int bytes) throws RelayFailure {
        String value = text(node, field);
        if (value.length() != 2 * bytes || !LOWER_HEX.matcher(value).matches()) {
            throw new RelayFailure(field + " is not " + bytes + " bytes of lowercase hex");
        }
        return value;
    }

    private static long whole(JsonNode node, String field) throws RelayFailure {
        JsonNode value = node.get(field);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new RelayFailure(field + " is missing or not a whole number");
        }
        return value.longValue();
    }
}
