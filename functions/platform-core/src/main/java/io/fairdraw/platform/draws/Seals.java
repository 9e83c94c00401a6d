package io.fairdraw.platform.draws;

import io.fairdraw.model.draw.Draw;
import io.fairdraw.model.fairness.MerkleTree;
import io.fairdraw.model.fairness.SealedHeader;
import io.fairdraw.model.fairness.TicketLeaf;
import io.fairdraw.platform.tickets.TicketLeaves;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;

/**
 * Builds a closed draw's sealed tree a chunk at a time, resuming where the last invocation
 * stopped: the tickets are merged in canonical order from their shards (ConsistentRead), each
 * full chunk is stored with the progress that counts it, and an invocation stops after its
 * budget so a million tickets fit in several Lambda invocations. The result is the same
 * however many invocations it takes, and however often one is repeated.
 */
@ApplicationScoped
public class Seals {
    private static final HexFormat HEX = HexFormat.of();

    /** What one call achieved. */
    public sealed interface Result permits Sealed, Partial {
    }

    /** Every ticket is in: the seal to publish. */
    public record Sealed(Draw.Seal seal) implements Result {
    }

    /** The budget ran out with {@code leaves} tickets in; call again to continue. */
    public record Partial(long leaves) implements Result {
    }

    private final TicketLeaves tickets;
    private final SealTrees trees;

    public Seals(TicketLeaves tickets, SealTrees trees) {
        this.tickets = tickets;
        this.trees = trees;
    }

    /**
     * Adds chunks of {@code chunkLeaves} (a power of two) until every ticket is in or
     * {@code stop} says the budget is spent (checked after each chunk).
     */
    public Result advance(String drawId, String currency, int chunkLeaves, Supplier<Boolean> stop) {
        if (chunkLeaves < 1 || Integer.bitCount(chunkLeaves) != 1) {
            throw new IllegalArgumentException("a chunk holds a power of two leaves, not " + chunkLeaves);
        }
        SealTrees.Progress progress = trees.progress(drawId).orElse(SealTrees.Progress.start(chunkLeaves));
        if (!progress.complete()) {
            Iterator<TicketLeaf> leaves = tickets.inCanonicalOrder(drawId, progress.lastTicketId());
            List<String> ids = new ArrayList<>();
            List<byte[]> hashes = new ArrayList<>();
            long stake = 0;
            while (leaves.hasNext()) {
                TicketLeaf leaf = leaves.next();
                ids.add(leaf.ticketId());
                hashes.add(MerkleTree.leafHash(leaf.bytes()));
                stake += leaf.pricePaidMinor();
                if (ids.size() == progress.chunkLeaves()) {
                    progress = trees.append(drawId, progress, ids, hashes, stake, false);
                    ids.clear();
                    hashes.clear();
                    stake = 0;
                    if (stop.get()) {
                        return new Partial(progress.leafCount());
                    }
                }
            }
            progress = trees.append(drawId, progress, ids, hashes, stake, true);
        }
        byte[] root = progress.root();
        SealedHeader header = new SealedHeader(drawId, progress.leafCount(), currency, progress.totalStakeMinor(), root);
        return new Sealed(new Draw.Seal(progress.leafCount(), progress.totalStakeMinor(), HEX.formatHex(root), HEX.formatHex(header.hash())));
    }

    /** Seals in one go, with no budget: for tests and small draws. */
    public Draw.Seal all(String drawId, String currency, int chunkLeaves) {
        return ((Sealed) advance(drawId, currency, chunkLeaves, () -> false)).seal();
    }
}
