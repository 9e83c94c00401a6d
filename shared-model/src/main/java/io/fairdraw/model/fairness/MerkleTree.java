package io.fairdraw.model.fairness;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * SPEC §4: the RFC 6962 Merkle tree hash over leaves (0x00 leaf prefix, 0x01 node prefix, the
 * left subtree the largest power of two, no duplicated odd node), audit paths, and their
 * verification as in RFC 9162 §2.1.3.2.
 */
public final class MerkleTree {
    private static final byte[] LEAF_PREFIX = {0x00};
    private static final byte[] NODE_PREFIX = {0x01};

    private MerkleTree() {
    }

    public static byte[] leafHash(byte[] leaf) {
        return Encoding.sha256(LEAF_PREFIX, leaf);
    }

    static byte[] nodeHash(byte[] left, byte[] right) {
        return Encoding.sha256(NODE_PREFIX, left, right);
    }

    /** MTH(D[0..n)) of leaf hashes. */
    public static byte[] root(List<byte[]> leafHashes) {
        if (leafHashes.isEmpty()) {
            return Encoding.sha256();
        }
        return subtree(leafHashes, 0, leafHashes.size());
    }

    private static byte[] subtree(List<byte[]> hashes, int from, int to) {
        int n = to - from;
        if (n == 1) {
            return hashes.get(from);
        }
        int k = largestPowerOfTwoBelow(n);
        return nodeHash(subtree(hashes, from, from + k), subtree(hashes, from + k, to));
    }

    /** PATH(m, D[0..n)): the sibling hashes from the leaf up to the root. */
    public static List<byte[]> proof(List<byte[]> leafHashes, int index) {
        if (index < 0 || index >= leafHashes.size()) {
            throw new IllegalArgumentException("no leaf " + index + " in a tree of " + leafHashes.size());
        }
        List<byte[]> path = new ArrayList<>();
        path(leafHashes, 0, leafHashes.size(), index, path);
        return path;
    }

    private static void path(List<byte[]> hashes, int from, int to, int index, List<byte[]> out) {
        int n = to - from;
        if (n == 1) {
            return;
        }
        int k = largestPowerOfTwoBelow(n);
        if (index < k) {
            path(hashes, from, from + k, index, out);
            out.add(subtree(hashes, from + k, to));
        } else {
            path(hashes, from + k, to, index - k, out);
            out.add(subtree(hashes, from, from + k));
        }
    }

    /** RFC 9162 §2.1.3.2: does {@code leafHash} at {@code index} of a tree of {@code size} leaves reach {@code root}? */
    public static boolean verify(byte[] leafHash, long index, long size, List<byte[]> proof, byte[] root) {
        if (index < 0 || index >= size) {
            return false;
        }
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : proof) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(p, r);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                r = nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(r, root);
    }

    static int largestPowerOfTwoBelow(int n) {
        return Integer.highestOneBit(n - 1);
    }
}
