package io.fairdraw.model.fairness;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class MerkleTreeTest {
    static List<byte[]> leaves(int n) {
        List<byte[]> hashes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            hashes.add(MerkleTree.leafHash(("leaf-" + i).getBytes(StandardCharsets.UTF_8)));
        }
        return hashes;
    }

    @Test
    void smallTreesFollowTheRfc6962Definition() {
        assertThat(MerkleTree.root(List.of())).isEqualTo(Encoding.sha256());
        List<byte[]> three = leaves(3);
        assertThat(MerkleTree.root(three.subList(0, 1))).isEqualTo(three.get(0));
        // n = 3: k = 2, so MTH = H(0x01 || H(0x01 || d0 || d1) || d2); the odd leaf is not duplicated.
        byte[] left = MerkleTree.nodeHash(three.get(0), three.get(1));
        assertThat(MerkleTree.root(three)).isEqualTo(MerkleTree.nodeHash(left, three.get(2)));
    }

    @Test
    void leavesAndNodesAreDomainSeparated() {
        byte[] d = "x".getBytes(StandardCharsets.UTF_8);
        assertThat(MerkleTree.leafHash(d)).isEqualTo(Encoding.sha256(new byte[] {0}, d));
        assertThat(MerkleTree.leafHash(d)).isNotEqualTo(Encoding.sha256(d));
    }

    @Test
    void everyLeafOfEveryTreeUpTo33LeavesProvesItsInclusionAndNothingElseDoes() {
        for (int n = 1; n <= 33; n++) {
            List<byte[]> hashes = leaves(n);
            byte[] root = MerkleTree.root(hashes);
            for (int m = 0; m < n; m++) {
                List<byte[]> proof = MerkleTree.proof(hashes, m);
                assertThat(MerkleTree.verify(hashes.get(m), m, n, proof, root)).as("n=%d m=%d", n, m).isTrue();
                if (n > 1) {
                    assertThat(MerkleTree.verify(hashes.get(m), (m + 1) % n, n, proof, root)).as("wrong index n=%d m=%d", n, m).isFalse();
                }
                assertThat(MerkleTree.verify(MerkleTree.leafHash(new byte[] {9}), m, n, proof, root)).isFalse();
                // A proof does not fix the tree size by itself (for n = 3 the same path also fits
                // size 4); the size a verifier uses is the sealed header's leaf count, which the
                // header hash binds.
                if (!proof.isEmpty()) {
                    List<byte[]> tampered = new ArrayList<>(proof);
                    byte[] first = tampered.get(0).clone();
                    first[0] ^= 1;
                    tampered.set(0, first);
                    assertThat(MerkleTree.verify(hashes.get(m), m, n, tampered, root)).isFalse();
                }
            }
        }
    }

    @Test
    void aProofLengthIsTheTreeDepth() {
        assertThat(MerkleTree.proof(leaves(1), 0)).isEmpty();
        assertThat(MerkleTree.proof(leaves(8), 3)).hasSize(3);
        assertThat(MerkleTree.proof(leaves(9), 8)).hasSize(1);
        assertThat(MerkleTree.proof(leaves(1_000), 999)).hasSizeLessThanOrEqualTo(10);
    }

    @Test
    void ticketLeavesEncodeEveryFieldAndSortCanonically() {
        TicketLeaf leaf = new TicketLeaf("t-1", "4d-x-20261123T2100", "IDR", 9_000,
                List.of(new TicketLeaf.Line("4D", "1234", 10_000)));
        String hex = HexFormat.of().formatHex(leaf.bytes());
        assertThat(hex).startsWith("00000012" + HexFormat.of().formatHex("fairdraw/ticket/v1".getBytes(StandardCharsets.UTF_8)));
        assertThat(hex).endsWith("0000000000002710");
        List<TicketLeaf> sorted = new ArrayList<>(List.of(
                new TicketLeaf("b", "d", "IDR", 1, leaf.lines()), new TicketLeaf("ab", "d", "IDR", 1, leaf.lines()),
                new TicketLeaf("a", "d", "IDR", 1, leaf.lines()), new TicketLeaf("é", "d", "IDR", 1, leaf.lines())));
        sorted.sort(TicketLeaf.CANONICAL_ORDER);
        assertThat(sorted).extracting(TicketLeaf::ticketId).containsExactly("a", "ab", "b", "é");
    }
}
