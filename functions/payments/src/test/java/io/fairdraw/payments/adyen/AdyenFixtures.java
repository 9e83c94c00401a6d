package io.fairdraw.payments.adyen;

import com.adyen.model.notification.NotificationRequest;
import com.adyen.util.HMACValidator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fairdraw.model.id.PlayerId;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SignatureException;
import java.util.Optional;
import java.util.function.Consumer;

/** The fixtures under {@code src/test/resources/adyen/} and the configuration the tests run Adyen with. */
final class AdyenFixtures {
    static final String API_KEY = "AQEyhmfxL4PJahZCw0m-test-key-not-a-real-one";
    static final String MERCHANT_ACCOUNT = "FairdrawECOM";
    static final String HMAC_KEY = "3B9A6C1E5D7F20486A8C0E2B4D6F81A3C5E7092B4D6F8A1C3E5072B4D6F8A0C2";
    static final PlayerId PLAYER = new PlayerId("pl_3f9a1c7e5b2d4068a1c3e5f7092b4d6e");
    static final String DEPOSIT_ID = "dep_5d0f6b2a9c1e4f7a8b3c2d1e0f9a8b7c";
    static final String WITHDRAWAL_ID = "wd_7c2e9a41b0d35f68e1a4c7b2d9f03e56";
    static final String TOKEN = "M5N7TQ4TG5PFWR50";
    /** The Checkout session of the deposit, as {@code checkout-sessions-response.json} creates it. */
    static final String SESSION_ID = "CS6B11058E72127704";
    static final String RETURN_URL = "https://play.fairdraw.example/wallet";

    private static final ObjectMapper JSON = new ObjectMapper();

    private AdyenFixtures() {
    }

    /** {@link AdyenConfig} as the tests set it; a record's accessors are the mapping's methods. */
    record Config(Optional<String> apiKey, Optional<String> merchantAccount, Optional<String> environment, Optional<String> liveUrlPrefix,
            Optional<String> hmacKey, Optional<String> baseUrl) implements AdyenConfig {
        static Config none() {
            return new Config(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        }

        static Config test(String baseUrl) {
            return new Config(Optional.of(API_KEY), Optional.of(MERCHANT_ACCOUNT), Optional.of("TEST"), Optional.empty(),
                    Optional.of(HMAC_KEY), Optional.of(baseUrl));
        }
    }

    static String fixture(String name) {
        try (InputStream in = AdyenFixtures.class.getResourceAsStream("/adyen/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture adyen/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A notification fixture with every item signed under {@code key}, as Adyen signs with the webhook's key. */
    static String signed(String name, String key) {
        return signed(name, key, item -> {
        });
    }

    /** The same, with each item changed by {@code change} before it is signed. */
    static String signed(String name, String key, Consumer<ObjectNode> change) {
        ObjectNode notification = tree(fixture(name));
        items(notification).forEach(item -> change.accept((ObjectNode) item));
        String unsigned = notification.toString();
        NotificationRequest parsed = parse(unsigned);
        int i = 0;
        for (JsonNode item : items(notification)) {
            String signature = hmac(parsed, i++, key);
            ((ObjectNode) item.get("additionalData")).put("hmacSignature", signature);
        }
        return notification.toString();
    }

    /** A signed notification changed afterwards, the way someone in the middle would. */
    static String tampered(String signedJson, Consumer<ObjectNode> change) {
        ObjectNode notification = tree(signedJson);
        items(notification).forEach(item -> change.accept((ObjectNode) item));
        return notification.toString();
    }

    /** One notification carrying the items of both, as Adyen's batched deliveries did. */
    static String batch(String first, String second) {
        ObjectNode batch = tree(first);
        batch.withArrayProperty("notificationItems").addAll((com.fasterxml.jackson.databind.node.ArrayNode) tree(second).get("notificationItems"));
        return batch.toString();
    }

    private static Iterable<JsonNode> items(ObjectNode notification) {
        return () -> java.util.stream.StreamSupport.stream(notification.get("notificationItems").spliterator(), false)
                .map(container -> container.get("NotificationRequestItem")).iterator();
    }

    private static String hmac(NotificationRequest parsed, int index, String key) {
        try {
            return new HMACValidator().calculateHMAC(parsed.getNotificationItemContainers().get(index).getNotificationItem(), key);
        } catch (SignatureException e) {
            throw new IllegalStateException(e);
        }
    }

    private static NotificationRequest parse(String json) {
        try {
            return NotificationRequest.fromJson(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode tree(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
