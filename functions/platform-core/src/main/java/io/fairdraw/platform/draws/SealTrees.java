package io.fairdraw.platform.draws;

import io.fairdraw.model.error.DomainException;
import io.fairdraw.model.error.ErrorType;
import io.fairdraw.model.fairness.MerkleTree;
import io.fairdraw.platform.dynamo.Table;
import io.fairdraw.platform.dynamo.TableNames;
import io.fairdraw.platform.dynamo.Transaction;
import io.fairdraw.platform.dynamo.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * A draw's sealed Merkle tree, stored as chunks of leaf hashes in canonical order and a summary
 * item. Chunks hold a power-of-two number of leaves, so each full chunk is a complete subtree
 * of the RFC 6962 tree: the root is the tree over the chunk roots, and a ticket's audit path is
 * its path inside its chunk followed by its chunk's path among the chunk roots. Each chunk is
 * written with the summary that counts it, in one transaction conditioned on the summary not
 * having moved, so a resumed or duplicated seal appends every chunk exactly once.
 */
@ApplicationScoped
public class SealTrees {
    private static final int HASH = 32;
    private static final String PK = Table.Attributes.PARTITION_KEY;
    private static final String SK = Table.Attributes.SORT_KEY;
    private static final String SUMMARY = "tree";
    private static final String CHUNK_LEAVES = "chunkLeaves";
    private static final String CHUNKS = "chunks";
    private static final String LEAVES = "leafCount";
    private static final String TOTAL = "totalStakeMinor";
    private static final String LAST = "lastTicketId";
    private static final String FIRST_IDS = "chunkFirstTicketIds";
    private static final String ROOTS = "chunkRoots";
    private static final String COMPLETE = "complete";
    private static final String HASHES = "leafHashes";

    /** How far a seal has got: the chunks written, what they hold, and whether every ticket is in. */
    public record Progress(int chunkLeaves, long leafCount, long totalStakeMinor, Optional<String> lastTicketId,
            List<String> chunkFirstTicketIds, List<byte[]> chunkRoots, boolean complete) {
        public Progress {
            chunkFirstTicketIds = List.copyOf(chunkFirstTicketIds);
            chunkRoots = List.copyOf(chunkRoots);
        }

        static Progress start(int chunkLeaves) {
            return new Progress(chunkLeaves, 0, 0, Optional.empty(), List.of(), List.of(), false);
        }

        public int chunks() {
            return chunkRoots.size();
        }

        /** The tree's root: the RFC 6962 tree over the chunk roots (the empty tree's hash when there are no tickets). */
        public byte[] root() {
            return MerkleTree.root(chunkRoots);
        }
    }

    /** A ticket's place in the sealed tree and its audit path. */
    public record Inclusion(long index, long treeSize, List<byte[]> path) {
    }

    private final DynamoDbClient dynamo;
    private final Transactions transactions;
    private final String table;

    public SealTrees(DynamoDbClient dynamo, Transactions transactions, TableNames tables) {
        this.dynamo = dynamo;
        this.transactions = transactions;
        this.table = tables.sealTrees();
    }

    public Optional<Progress> progress(String drawId) {
        var item = dynamo.getItem(b -> b.tableName(table).consistentRead(true).key(key(drawId, SUMMARY))).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        byte[] roots = item.get(ROOTS).b().asByteArray();
        List<byte[]> chunkRoots = new ArrayList<>();
        for (int i = 0; i < roots.length; i += HASH) {
            chunkRoots.add(Arrays.copyOfRange(roots, i, i + HASH));
        }
        return Optional.of(new Progress(Integer.parseInt(item.get(CHUNK_LEAVES).n()), Long.parseLong(item.get(LEAVES).n()),
                Long.parseLong(item.get(TOTAL).n()), Optional.ofNullable(item.get(LAST)).map(AttributeValue::s),
                item.get(FIRST_IDS).l().stream().map(AttributeValue::s).toList(), chunkRoots, item.get(COMPLETE).bool()));
    }

    /**
     * Appends a chunk of leaves (their ticket ids, hashes and prices, in canonical order) and
     * returns the progress that counts it; with {@code complete}, also marks every ticket in (the
     * chunk may then be empty). Fails with {@link Draws.AlreadyMoved} when another seal moved first.
     */
    public Progress append(String drawId, Progress before, List<String> ticketIds, List<byte[]> leafHashes, long stake, boolean complete) {
        if (before.complete() || ticketIds.size() != leafHashes.size() || ticketIds.size() > before.chunkLeaves()
                || (!complete && ticketIds.size() != before.chunkLeaves())) {
            throw new IllegalArgumentException("a chunk is full unless it is the last");
        }
        List<String> firstIds = new ArrayList<>(before.chunkFirstTicketIds());
        List<byte[]> roots = new ArrayList<>(before.chunkRoots());
        Transaction written = Transaction.empty();
        if (!ticketIds.isEmpty()) {
            firstIds.add(ticketIds.get(0));
            roots.add(MerkleTree.root(leafHashes));
            Map<String, AttributeValue> chunk = new HashMap<>(key(drawId, chunkKey(before.chunks())));
            chunk.put(HASHES, AttributeValue.fromB(SdkBytes.fromByteArray(concat(leafHashes))));
            written.add("chunk " + before.chunks(), TransactWriteItem.builder().put(Put.builder().tableName(table).item(chunk)
                    .conditionExpression("attribute_not_exists(" + PK + ")").build()).build(), Draws.AlreadyMoved::new);
        }
        Progress after = new Progress(before.chunkLeaves(), before.leafCount() + ticketIds.size(), before.totalStakeMinor() + stake,
                ticketIds.isEmpty() ? before.lastTicketId() : Optional.of(ticketIds.get(ticketIds.size() - 1)), firstIds, roots, complete);
        Map<String, AttributeValue> summary = new HashMap<>(key(drawId, SUMMARY));
        summary.put(CHUNK_LEAVES, number(after.chunkLeaves()));
        summary.put(CHUNKS, number(after.chunks()));
        summary.put(LEAVES, number(after.leafCount()));
        summary.put(TOTAL, number(after.totalStakeMinor()));
        after.lastTicketId().ifPresent(last -> summary.put(LAST, AttributeValue.fromS(last)));
        summary.put(FIRST_IDS, AttributeValue.fromL(firstIds.stream().map(AttributeValue::fromS).toList()));
        summary.put(ROOTS, AttributeValue.fromB(SdkBytes.fromByteArray(concat(roots))));
        summary.put(COMPLETE, AttributeValue.fromBool(complete));
        Put.Builder put = Put.builder().tableName(table).item(summary);
        if (before.chunks() == 0 && before.leafCount() == 0) {
            put.conditionExpression("attribute_not_exists(" + PK + ")");
        } else {
            put.conditionExpression("#chunks = :chunks AND #complete = :no")
                    .expressionAttributeNames(Map.of("#chunks", CHUNKS, "#complete", COMPLETE))
                    .expressionAttributeValues(Map.of(":chunks", number(before.chunks()), ":no", AttributeValue.fromBool(false)));
        }
        written.add("tree summary", TransactWriteItem.builder().put(put.build()).build(), Draws.AlreadyMoved::new);
        transactions.write(written);
        return after;
    }

    /** The ticket's index and audit path in the complete tree, found by its ticket id and checked by its leaf hash. */
    public Optional<Inclusion> inclusion(String drawId, String ticketId, byte[] leafHash) {
        Progress tree = progress(drawId).filter(Progress::complete).orElseThrow(() -> new DomainException(ErrorType.PROOF_NOT_READY,
                drawId + " has no sealed tree yet"));
        int chunk = -1;
        for (int i = 0; i < tree.chunks() && tree.chunkFirstTicketIds().get(i).compareTo(ticketId) <= 0; i++) {
            chunk = i;
        }
        if (chunk < 0) {
            return Optional.empty();
        }
        int index = chunk;
        var item = dynamo.getItem(b -> b.tableName(table).consistentRead(true).key(key(drawId, chunkKey(index)))).item();
        byte[] hashes = item.get(HASHES).b().asByteArray();
        List<byte[]> leaves = new ArrayList<>();
        int position = -1;
        for (int i = 0; i < hashes.length; i += HASH) {
            byte[] hash = Arrays.copyOfRange(hashes, i, i + HASH);
            if (Arrays.equals(hash, leafHash)) {
                position = leaves.size();
            }
            leaves.add(hash);
        }
        if (position < 0) {
            return Optional.empty();
        }
        List<byte[]> path = new ArrayList<>(MerkleTree.proof(leaves, position));
        path.addAll(MerkleTree.proof(tree.chunkRoots(), chunk));
        return Optional.of(new Inclusion((long) chunk * tree.chunkLeaves() + position, tree.leafCount(), path));
    }

    private static String chunkKey(int index) {
        return String.format("chunk#%06d", index);
    }

    private static Map<String, AttributeValue> key(String drawId, String sortKey) {
        return Map.of(PK, AttributeValue.fromS(drawId), SK, AttributeValue.fromS(sortKey));
    }

    private static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    private static byte[] concat(List<byte[]> hashes) {
        ByteBuffer buffer = ByteBuffer.allocate(hashes.size() * HASH);
        hashes.forEach(buffer::put);
        return buffer.array();
    }
}
