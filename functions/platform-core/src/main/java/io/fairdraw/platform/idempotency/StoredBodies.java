package io.fairdraw.platform.idempotency;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A remembered answer as stored: the text itself, or its DEFLATE compression (a binary value)
 * when that is smaller. DynamoDB bills a write per started kilobyte of the item, twice in a
 * transaction, and the answer to a purchase is most of its idempotency record: a four-line
 * ticket's answer of about 1.2 kB compresses to about a third, which takes the record under one
 * kilobyte and the purchase two write units lower (docs/performance.md, "What a purchase writes").
 * Either form is read back; records written before compression existed are text.
 */
final class StoredBodies {
    /** Below this, compression is not worth the bytes it saves. */
    private static final int WORTH_COMPRESSING = 256;

    private StoredBodies() {
    }

    static AttributeValue of(String body) {
        byte[] text = body.getBytes(StandardCharsets.UTF_8);
        if (text.length < WORTH_COMPRESSING) {
            return AttributeValue.fromS(body);
        }
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        try {
            deflater.setInput(text);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(text.length / 2);
            byte[] buffer = new byte[1024];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            byte[] compressed = out.toByteArray();
            return compressed.length < text.length ? AttributeValue.fromB(SdkBytes.fromByteArray(compressed)) : AttributeValue.fromS(body);
        } finally {
            deflater.end();
        }
    }

    static String read(AttributeValue stored) {
        if (stored.s() != null) {
            return stored.s();
        }
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(stored.b().asByteArray());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IllegalStateException("a remembered answer is cut short");
                }
                out.write(buffer, 0, n);
            }
            return out.toString(StandardCharsets.UTF_8);
        } catch (DataFormatException e) {
            throw new IllegalStateException("a remembered answer cannot be read", e);
        } finally {
            inflater.end();
        }
    }
}
