package io.fairdraw.model.betting;

import io.fairdraw.model.error.DomainException;
import io.fairdraw.model.error.ErrorType;
import io.fairdraw.model.id.IdempotencyKey;
import io.fairdraw.model.id.PlayerId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * A ticket's id: {@code <drawId>.<32 hex>}, the hex being SHA-256 over the player, their
 * Idempotency-Key and the draw. A retried purchase names the same ticket, so it can only be
 * bought once; the id reveals no player; the draw in it lets a ticket be found without an index.
 */
public record TicketId(String value) {
    private static final String DRAW_ID = "[a-z0-9]+(?:-[a-z0-9]+){0,5}-[0-9]{8}T[0-9]{4}";
    private static final Pattern DRAW = Pattern.compile(DRAW_ID);
    private static final Pattern FORMAT = Pattern.compile(DRAW_ID + "\\.[0-9a-f]{32}");
    private static final HexFormat HEX = HexFormat.of();

    public TicketId {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new DomainException(ErrorType.TICKET_NOT_FOUND, "no ticket has that id");
        }
    }

    public static TicketId derive(PlayerId player, IdempotencyKey key, String drawId) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(("fairdraw/ticket-id/v1\u0000" + player.value() + "\u0000" + key.value() + "\u0000" + drawId)
                    .getBytes(StandardCharsets.UTF_8));
            return new TicketId(drawId + "." + HEX.formatHex(sha256.digest(), 0, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }

    /** Whether the text has the form of a draw id ({@code <gameId>-<yyyyMMdd'T'HHmm>}). */
    public static boolean isDrawId(String text) {
        return text != null && DRAW.matcher(text).matches();
    }

    public String drawId() {
        return value.substring(0, value.lastIndexOf('.'));
    }

    /** Which of {@code shards} partitions the ticket lives in: from the first byte of its hash. */
    public int shard(int shards) {
        return byteAt(0) % shards;
    }

    /** Which of {@code shards} liability budget shards the ticket's lines count against: from the second byte. */
    public int budgetShard(int shards) {
        return byteAt(1) % shards;
    }

    private int byteAt(int index) {
        int hex = value.lastIndexOf('.') + 1 + 2 * index;
        return Integer.parseInt(value.substring(hex, hex + 2), 16);
    }

    @Override
    public String toString() {
        return value;
    }
}
