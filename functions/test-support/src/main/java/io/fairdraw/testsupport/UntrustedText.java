package io.fairdraw.testsupport;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * Oracles for the fuzz targets of request bodies, written apart from the code they judge: whether
 * a JSON text names a field twice in one object (read token by token with a lenient parser, so it
 * sees what strict reading refuses), and whether accepted text holds a character the API promises
 * to refuse, listed here by code point rather than derived from the same rule.
 */
public final class UntrustedText {
    private static final JsonFactory LENIENT = new JsonFactory();

    private UntrustedText() {
    }

    /** True when some object of {@code json} names a field twice; false for unreadable JSON too. */
    public static boolean hasDuplicateField(String json) {
        try (JsonParser parser = LENIENT.createParser(json)) {
            Deque<Set<String>> objects = new ArrayDeque<>();
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                switch (token) {
                    case START_OBJECT -> objects.push(new HashSet<>());
                    case END_OBJECT -> objects.pop();
                    case FIELD_NAME -> {
                        if (!objects.peek().add(parser.currentName())) {
                            return true;
                        }
                    }
                    default -> {
                    }
                }
            }
            return false;
        } catch (IOException | RuntimeException unreadable) {
            return false;
        }
    }

    /**
     * True when {@code text} holds a character that must never be accepted in free text: a lone
     * surrogate, a bidirectional override or isolate, a zero-width space, joiner or mark, the
     * byte-order mark, a line or paragraph separator, or a C0/C1 control.
     */
    public static boolean hasInvisibleCharacter(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pairedHigh = Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
            if (pairedHigh) {
                i++;
                continue;
            }
            if (Character.isSurrogate(c) || c < 0x20 || (c >= 0x7F && c <= 0x9F) || (c >= 0x200B && c <= 0x200F)
                    || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x2028 || c == 0x2029
                    || c == 0xFEFF || c == 0x2060 || c == 0x00AD) {
                return true;
            }
        }
        return false;
    }
}
