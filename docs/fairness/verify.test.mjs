// Tests for verify.mjs. Run with: node --test
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { bls12_381 } from '@noble/curves/bls12-381.js';
import * as V from './verify.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const VERIFY = join(here, 'verify.mjs');
const ROUNDS = JSON.parse(
  readFileSync(join(here, '../../functions/test-support/src/main/resources/drand/rounds.json'), 'utf8'),
);
const QUICKNET = ROUNDS.networks.quicknet;
const MAINNET = ROUNDS.networks.mainnet;
const chainOf = (net) => V.CHAINS[net.chain_hash];

const hex = V.toHex;
const unhex = (h) => new Uint8Array(Buffer.from(h, 'hex'));
const flipBit = (bytes, byteIndex, mask) => {
  const out = new Uint8Array(bytes);
  out[byteIndex] ^= mask;
  return out;
};
const clone = (v) => JSON.parse(JSON.stringify(v));

// A deterministic word source for property tests (xorshift32; not part of the spec).
function xorshiftWords(seed) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s;
  };
}
const scripted = (words) => {
  let i = 0;
  const next = () => {
    if (i >= words.length) throw new Error('word source exhausted');
    return words[i++];
  };
  next.consumed = () => i;
  return next;
};

// -------------------------------------------------------------------------------------------
describe('encodings (SPEC §1)', () => {
  test('u32, u64, lp and str are big-endian and length-prefixed', () => {
    assert.equal(hex(V.u32(0)), '00000000');
    assert.equal(hex(V.u32(0x01020304)), '01020304');
    assert.equal(hex(V.u32(2 ** 32 - 1)), 'ffffffff');
    assert.equal(hex(V.u64(1)), '0000000000000001');
    assert.equal(hex(V.u64(Number.MAX_SAFE_INTEGER)), '001fffffffffffff');
    assert.equal(hex(V.u64((1n << 64n) - 1n)), 'ffffffffffffffff');
    assert.equal(hex(V.lp(Uint8Array.of(0xaa, 0xbb))), '00000002aabb');
    assert.equal(hex(V.str('')), '00000000');
    assert.equal(hex(V.str('ab')), '000000026162');
    assert.equal(hex(V.str('é€')), '00000005c3a9e282ac');
  });

  test('out-of-range integers and ill-formed strings are refused', () => {
    assert.throws(() => V.u32(-1));
    assert.throws(() => V.u32(2 ** 32));
    assert.throws(() => V.u32(1.5));
    assert.throws(() => V.u64(-1));
    assert.throws(() => V.u64(2 ** 53));
    assert.throws(() => V.u64(1n << 64n));
    assert.throws(() => V.str('\ud800'));
    assert.throws(() => V.str(5));
  });

  test('hex is strict: lowercase, even length, exact size', () => {
    assert.deepEqual(V.fromHex('00ff'), Uint8Array.of(0, 255));
    assert.throws(() => V.fromHex('00FF'));
    assert.throws(() => V.fromHex('0'));
    assert.throws(() => V.fromHex('0x00'));
    assert.throws(() => V.fromHex('00', 2));
  });

  test('ticket ids order by UTF-8 bytes, shortest first on a common prefix', () => {
    assert.ok(V.compareUtf8('a', 'ab') < 0);
    assert.ok(V.compareUtf8('B', 'a') < 0);
    assert.equal(V.compareUtf8('t-1', 't-1'), 0);
    // U+FF61 sorts before U+1F600 in UTF-8 (EF.. < F0..) but after it in UTF-16 (FF61 > D83D).
    assert.ok(V.compareUtf8('\uff61', '\u{1f600}') < 0);
    assert.ok('\uff61' > '\u{1f600}');
  });

  test('commitment, leaf and header follow the byte layout of SPEC §2-§4', () => {
    const seed = unhex('11'.repeat(32));
    const chainHash = QUICKNET.chain_hash;
    const b = (...parts) => Buffer.concat(parts.map((p) => Buffer.from(p)));
    const s = (t) => b(V.u32(Buffer.byteLength(t)), Buffer.from(t, 'utf8'));
    const manualCommitment = V.sha256(
      b(s('fairdraw/commitment/v1'), s('d-1'), s(chainHash), unhex('000000000000007b'), V.u32(32), seed),
    );
    assert.equal(hex(V.computeCommitment({ drawId: 'd-1', chainHash, beaconRound: 123, seed })), hex(manualCommitment));

    const leaf = V.encodeTicketLeaf({
      ticketId: 't',
      drawId: 'd',
      currency: 'IDR',
      pricePaidMinor: 258,
      lines: [{ betType: '4D', selection: '1234', stakeMinor: 1 }],
    });
    assert.equal(
      hex(leaf),
      hex(b(s('fairdraw/ticket/v1'), s('t'), s('d'), s('IDR'), unhex('0000000000000102'), unhex('00000001'),
        s('4D'), s('1234'), unhex('0000000000000001'))),
    );

    const root = unhex('22'.repeat(32));
    const header = V.encodeSealHeader({ drawId: 'd', leafCount: 3, currency: 'IDR', totalStakeMinor: 30000, root });
    assert.equal(
      hex(header),
      hex(b(s('fairdraw/seal/v1'), s('d'), unhex('0000000000000003'), s('IDR'), unhex('0000000000007530'),
        V.u32(32), root)),
    );
  });
});

// -------------------------------------------------------------------------------------------
describe('trust anchors', () => {
  for (const [name, net] of Object.entries(ROUNDS.networks)) {
    test(`${name}: embedded chain info equals rounds.json and its chain hash`, () => {
      const c = chainOf(net);
      assert.ok(c, `${name} is embedded`);
      assert.equal(c.chainHash, net.chain_hash);
      assert.equal(c.publicKey, net.public_key);
      assert.equal(c.schemeID, net.schemeID);
      assert.equal(c.chained, net.chained);
      assert.equal(c.genesisTime, net.genesis_time);
      assert.equal(c.period, net.period);
      assert.equal(c.groupHash, net.groupHash);
      assert.equal(c.beaconID, net.beaconID);
      assert.equal(c.dst, net.dst);
      assert.equal(c.signatureBytes, net.signature_bytes);
      assert.equal(hex(V.computeChainHash(c)), net.chain_hash);
    });
  }
  test('only quicknet and mainnet are trusted', () => {
    assert.deepEqual(Object.values(V.CHAINS).map((c) => c.name).sort(), ['mainnet', 'quicknet']);
    assert.equal(V.CHAINS[V.LOCAL_CHAIN_HASH], undefined);
  });
});

// -------------------------------------------------------------------------------------------
describe('drand rounds (SPEC §5)', () => {
  for (const [name, net] of Object.entries(ROUNDS.networks)) {
    const chain = chainOf(net);
    for (const r of net.rounds) {
      test(`${name} round ${r.round} verifies; flipped bits and other rounds do not`, () => {
        const sig = unhex(r.signature);
        const prev = r.previous_signature ? unhex(r.previous_signature) : undefined;
        assert.deepEqual(V.verifyDrandSignature(chain, r.round, sig, prev), { ok: true });
        assert.equal(hex(V.sha256(sig)), r.randomness);

        const bad = (s, round = r.round, p = prev) => V.verifyDrandSignature(chain, round, s, p).ok;
        assert.equal(bad(flipBit(sig, sig.length - 1, 0x01)), false, 'last bit of signature');
        assert.equal(bad(flipBit(sig, 0, 0x20)), false, 'sign bit (the negated point)');
        assert.equal(bad(flipBit(sig, sig.length >> 1, 0x10)), false, 'a middle bit');
        assert.equal(bad(flipBit(sig, 0, 0x80)), false, 'compression flag');
        assert.equal(bad(sig, r.round ^ 1), false, 'lowest bit of the round');
        assert.equal(bad(sig, r.round + 1), false, 'next round');
        if (chain.chained) {
          assert.equal(bad(sig, r.round, flipBit(prev, prev.length - 1, 0x01)), false, 'previous signature');
          assert.equal(V.verifyDrandSignature(chain, r.round, sig, undefined).ok, false, 'missing previous signature');
        }
      });
    }
  }

  test('a signature from one network does not verify on the other', () => {
    const q = QUICKNET.rounds[0];
    const m = MAINNET.rounds[1];
    assert.equal(V.verifyDrandSignature(chainOf(MAINNET), q.round, unhex(q.signature), unhex(m.previous_signature)).ok, false);
    assert.equal(V.verifyDrandSignature(chainOf(QUICKNET), m.round, unhex(m.signature)).ok, false);
  });

  test('garbage, wrong lengths and infinity are failures, not exceptions', () => {
    const c = chainOf(QUICKNET);
    for (const s of [new Uint8Array(48), new Uint8Array(47), new Uint8Array(96), unhex('c0' + '00'.repeat(47)), unhex('ff'.repeat(48))]) {
      const res = V.verifyDrandSignature(c, 1000, s);
      assert.equal(res.ok, false);
      assert.equal(typeof res.reason, 'string');
    }
    assert.equal(V.verifyDrandSignature(c, 0, unhex(QUICKNET.rounds[0].signature)).ok, false);
    assert.equal(V.verifyDrandSignature(c, -1, unhex(QUICKNET.rounds[0].signature)).ok, false);
    assert.equal(V.verifyDrandSignature(c, 2 ** 53, unhex(QUICKNET.rounds[0].signature)).ok, false);
  });

  test('a signature made with some other key does not verify, whatever key the draw names', () => {
    const short = bls12_381.shortSignatures;
    const { secretKey } = short.keygen(new Uint8Array(48).fill(7));
    const msg = short.hash(V.sha256(V.u64(1000)), new TextEncoder().encode(QUICKNET.dst));
    const forged = short.Signature.toBytes(short.sign(msg, secretKey));
    assert.equal(V.verifyDrandSignature(chainOf(QUICKNET), 1000, forged).ok, false);
  });
});

// -------------------------------------------------------------------------------------------
describe('Merkle tree (SPEC §4, RFC 6962 / RFC 9162)', () => {
  // Certificate Transparency reference leaves and tree heads for sizes 0..8.
  const CT_LEAVES = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'].map(unhex);
  const CT_ROOTS = [
    'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
    'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
    'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
    'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
    '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
    'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
    '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
  ];

  test('reference tree heads of RFC 6962 (Certificate Transparency vectors)', () => {
    for (let n = 0; n <= 8; n++) assert.equal(hex(V.merkleTreeHash(CT_LEAVES.slice(0, n))), CT_ROOTS[n], `size ${n}`);
  });

  test('reference inclusion proofs of RFC 6962', () => {
    const root = unhex(CT_ROOTS[8]);
    const p0 = ['96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4'];
    const p5 = ['bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7'];
    assert.deepEqual(V.auditPath(0, CT_LEAVES).map(hex), p0);
    assert.deepEqual(V.auditPath(5, CT_LEAVES).map(hex), p5);
    assert.ok(V.verifyInclusion(0, 8, V.leafHash(CT_LEAVES[0]), p0.map(unhex), root));
    assert.ok(V.verifyInclusion(5, 8, V.leafHash(CT_LEAVES[5]), p5.map(unhex), root));
  });

  const leavesOf = (n) => Array.from({ length: n }, (_, i) => new TextEncoder().encode(`leaf-${i}`));

  for (let n = 0; n <= 9; n++) {
    test(`${n} leaves: recursive root equals the root every leaf's proof yields; tampering fails`, () => {
      const leaves = leavesOf(n);
      const root = V.merkleTreeHash(leaves);
      if (n === 0) {
        assert.equal(hex(root), CT_ROOTS[0]);
        assert.equal(V.rootFromInclusionProof(0, 0, V.leafHash(new Uint8Array(0)), []), null);
        return;
      }
      for (let m = 0; m < n; m++) {
        const lh = V.leafHash(leaves[m]);
        const proof = V.auditPath(m, leaves);
        assert.equal(hex(V.rootFromInclusionProof(m, n, lh, proof)), hex(root), `leaf ${m}`);
        assert.ok(V.verifyInclusion(m, n, lh, proof, root));
        assert.ok(V.verifyInclusion(BigInt(m), BigInt(n), lh, proof, root), 'bigint index and size');

        // Tampering: each proof element, the leaf, the index, the size, the proof length.
        proof.forEach((_, k) => {
          const t = proof.map((p, j) => (j === k ? flipBit(p, 31, 1) : p));
          assert.equal(V.verifyInclusion(m, n, lh, t, root), false, `leaf ${m} proof[${k}]`);
        });
        assert.equal(V.verifyInclusion(m, n, flipBit(lh, 0, 0x80), proof, root), false, 'leaf hash');
        assert.equal(V.verifyInclusion(m, n, V.sha256(leaves[m]), proof, root), false, 'leaf without 0x00 prefix');
        for (let other = 0; other < n; other++) {
          if (other !== m && V.verifyInclusion(other, n, lh, proof, root)) {
            // Only possible if the sibling hashes happened to coincide, which they do not here.
            assert.fail(`leaf ${m}'s proof accepted at index ${other}`);
          }
        }
        assert.equal(V.verifyInclusion(n, n, lh, proof, root), false, 'index = size');
        assert.equal(V.verifyInclusion(-1, n, lh, proof, root), false, 'negative index');
        assert.equal(V.verifyInclusion(m, n, lh, [...proof, root], root), false, 'extra element');
        if (proof.length > 0) assert.equal(V.verifyInclusion(m, n, lh, proof.slice(0, -1), root), false, 'missing element');
        assert.equal(V.verifyInclusion(m, n, lh, proof, flipBit(root, 5, 4)), false, 'other root');
      }
    });
  }

  test('the split is the largest power of two below n, never the midpoint or a duplicated node', () => {
    const l = leavesOf(3);
    const h = l.map(V.leafHash);
    assert.equal(hex(V.merkleTreeHash(l)), hex(V.nodeHash(V.nodeHash(h[0], h[1]), h[2])));
    const l6 = leavesOf(6);
    const h6 = l6.map(V.leafHash);
    const left = V.nodeHash(V.nodeHash(h6[0], h6[1]), V.nodeHash(h6[2], h6[3]));
    assert.equal(hex(V.merkleTreeHash(l6)), hex(V.nodeHash(left, V.nodeHash(h6[4], h6[5]))));
  });

  test('an audit path does not fix the tree size: it must come from the sealed header (SPEC §7.4)', () => {
    // Leaf 0 of 3 and leaf 0 of 4 have paths of the same shape; with the 3-leaf path the 4-leaf
    // computation yields the 3-leaf root. Only leafCount, bound by headerHash, tells them apart.
    const leaves = leavesOf(3);
    const root = V.merkleTreeHash(leaves);
    const proof = V.auditPath(0, leaves);
    assert.ok(V.verifyInclusion(0, 3, V.leafHash(leaves[0]), proof, root));
    assert.ok(V.verifyInclusion(0, 4, V.leafHash(leaves[0]), proof, root));
    assert.equal(V.verifyInclusion(2, 4, V.leafHash(leaves[2]), V.auditPath(2, leaves), root), false);
    assert.equal(V.verifyInclusion(0, 2, V.leafHash(leaves[0]), proof, root), false);
  });

  test('index arithmetic is exact beyond 2^32 leaves', () => {
    // A right-most leaf of a tree of 2^33 + 1 leaves: its path is one sibling, the left subtree root.
    const lh = V.leafHash(Uint8Array.of(1));
    const sibling = V.sha256(Uint8Array.of(9));
    const size = 2 ** 33 + 1;
    const root = V.nodeHash(sibling, lh);
    assert.ok(V.verifyInclusion(size - 1, size, lh, [sibling], root));
    assert.equal(V.verifyInclusion(size - 2, size, lh, [sibling], root), false);
  });
});

// -------------------------------------------------------------------------------------------
describe('rejection sampling (SPEC §6)', () => {
  const TWO_32 = 2 ** 32;

  test('limit = 2^32 - (2^32 mod n)', () => {
    assert.equal(V.rejectionLimit(1), TWO_32);
    assert.equal(V.rejectionLimit(2), TWO_32);
    assert.equal(V.rejectionLimit(3), TWO_32 - 1);
    assert.equal(V.rejectionLimit(10), TWO_32 - 6);
    assert.equal(V.rejectionLimit(49), TWO_32 - 39);
    assert.equal(V.rejectionLimit(2 ** 31 + 1), 2 ** 31 + 1);
    assert.equal(V.rejectionLimit(TWO_32 - 1), TWO_32 - 1);
    assert.equal(V.rejectionLimit(TWO_32), TWO_32);
    for (const n of [0, -1, 1.5, TWO_32 + 1, NaN]) assert.throws(() => V.rejectionLimit(n));
  });

  for (const n of [10, 49, 3, TWO_32 - 1]) {
    test(`n = ${n}: accepts every word below the limit and rejects exactly the words >= limit`, () => {
      const limit = V.rejectionLimit(n);
      // Boundary words that must be accepted, each on its own.
      for (const x of [0, 1, n - 1, limit - 1]) {
        const next = scripted([x]);
        assert.equal(V.uniform(next, n), x % n);
        assert.equal(next.consumed(), 1);
      }
      // Every rejected word (there are 2^32 mod n of them), then one acceptable word.
      const rejected = [];
      for (let x = limit; x < TWO_32; x++) rejected.push(x);
      assert.equal(rejected.length, TWO_32 % n);
      const next = scripted([...rejected, limit - 1]);
      assert.equal(V.uniform(next, n), (limit - 1) % n);
      assert.equal(next.consumed(), rejected.length + 1);
      // Each rejected word alone is skipped.
      for (const x of rejected) {
        const one = scripted([x, 7]);
        assert.equal(V.uniform(one, n), 7 % n);
        assert.equal(one.consumed(), 2);
      }
    });
  }

  test('2^32 - 1 is the only rejected word for n = 3 and n = 2^32 - 1, and none is rejected for n = 2^32, 2^31, 1', () => {
    for (const n of [3, TWO_32 - 1]) {
      const next = scripted([TWO_32 - 1, TWO_32 - 2]);
      assert.equal(V.uniform(next, n), (TWO_32 - 2) % n);
      assert.equal(next.consumed(), 2);
    }
    for (const n of [TWO_32, 2 ** 31, 1]) {
      const next = scripted([TWO_32 - 1]);
      assert.equal(V.uniform(next, n), (TWO_32 - 1) % n);
      assert.equal(next.consumed(), 1);
    }
  });

  test('accepted words map to each result equally often (no modulo bias)', () => {
    for (const n of [10, 49, 3]) {
      const limit = V.rejectionLimit(n);
      const counts = new Array(n).fill(0);
      for (let x = limit - 3 * n; x < limit; x++) counts[V.uniform(scripted([x]), n)]++;
      assert.ok(counts.every((c) => c === 3), `n = ${n}`);
      assert.equal(limit % n, 0);
    }
  });

  test('never returns a value outside [0, n)', () => {
    const next = xorshiftWords(12345);
    for (const n of [1, 2, 3, 7, 10, 49, 1000, 2 ** 31 + 1, TWO_32 - 1, TWO_32]) {
      for (let i = 0; i < 2000; i++) {
        const v = V.uniform(next, n);
        assert.ok(Number.isInteger(v) && v >= 0 && v < n, `n = ${n}, v = ${v}`);
      }
    }
  });
});

// -------------------------------------------------------------------------------------------
describe('outcome stream and numbers (SPEC §6)', () => {
  const seed = unhex('5e'.repeat(32));
  const root = unhex('a0'.repeat(32));
  const randomness = unhex(QUICKNET.rounds[3].randomness);

  test('words are the 4-byte big-endian chunks of block(0) || block(1) || ...', () => {
    const s = (t) => Buffer.concat([Buffer.from(V.u32(Buffer.byteLength(t))), Buffer.from(t, 'utf8')]);
    const message = Buffer.concat([s('fairdraw/outcome/v1'), s('d-1'), Buffer.from(V.u32(32)), root, Buffer.from(V.u32(32)), randomness]);
    const stream = Buffer.concat([0, 1, 2].map((i) => createHmac('sha256', seed).update(message).update(Buffer.from(V.u32(i))).digest()));
    const next = V.outcomeWords(seed, 'd-1', root, randomness);
    for (let k = 0; k < 24; k++) assert.equal(next(), stream.readUInt32BE(4 * k), `word ${k}`);
  });

  test('4D gives four digits in [0, 10)', () => {
    for (let i = 0; i < 200; i++) {
      const digits = V.drawNumbers({ type: '4D' }, seed, `d-${i}`, root, randomness);
      assert.equal(digits.length, 4);
      assert.ok(digits.every((d) => Number.isInteger(d) && d >= 0 && d <= 9));
    }
  });

  // The literal reading of SPEC §6: materialise the ascending pool and remove index j each time.
  function lottoByPool(nextWord, K, N) {
    const pool = Array.from({ length: N }, (_, i) => i + 1);
    const picks = [];
    for (let i = 0; i < K; i++) picks.push(pool.splice(V.uniform(nextWord, N - i), 1)[0]);
    return picks;
  }

  test('lotto equals the literal ascending-pool procedure, without replacement, in draw order', () => {
    for (const [K, N] of [[6, 49], [1, 1], [5, 5], [10, 20], [7, 1000], [2, 3]]) {
      for (let s = 1; s <= 150; s++) {
        const a = V.drawLotto(xorshiftWords(s * 7919), K, N);
        const b = lottoByPool(xorshiftWords(s * 7919), K, N);
        assert.deepEqual(a, b, `K=${K} N=${N} seed=${s}`);
        assert.equal(new Set(a).size, K);
        assert.ok(a.every((v) => Number.isInteger(v) && v >= 1 && v <= N));
      }
    }
    // Via the real outcome stream too.
    for (let i = 0; i < 50; i++) {
      const a = V.drawNumbers({ type: 'LOTTO', pick: 6, of: 49 }, seed, `lotto-${i}`, root, randomness);
      const b = lottoByPool(V.outcomeWords(seed, `lotto-${i}`, root, randomness), 6, 49);
      assert.deepEqual(a, b);
    }
  });

  test('lotto takes the j-th remaining element, not a swapped one', () => {
    // Words 0, 0, 0 from pool 1..5: picks 1, 2, 3. Words 4, 3 -> 5, then index 3 of [1,2,3,4] = 4.
    assert.deepEqual(V.drawLotto(scripted([0, 0, 0]), 3, 5), [1, 2, 3]);
    assert.deepEqual(V.drawLotto(scripted([4, 3]), 2, 5), [5, 4]);
    assert.deepEqual(V.drawLotto(scripted([1, 1, 1]), 3, 5), [2, 3, 4]);
  });
});

// -------------------------------------------------------------------------------------------
// Complete draws, built from the spec with the functions under test, over real drand rounds.

function buildDraw({ drawId, game, net, roundIndex, seedHex, tickets, leafCount, currency = 'IDR' }) {
  const chain = chainOf(net);
  const r = net.rounds[roundIndex];
  const seed = unhex(seedHex);
  const sorted = [...tickets].sort((a, b) => V.compareUtf8(a.ticketId, b.ticketId));
  const leaves = sorted.map((t) => V.encodeTicketLeaf({ ...t, drawId }));
  const root = V.merkleTreeHash(leaves);
  const totalStakeMinor = sorted.reduce((s, t) => s + t.pricePaidMinor, 0);
  const seal = {
    leafCount: leafCount ?? leaves.length,
    currency,
    totalStakeMinor,
    root: hex(root),
  };
  seal.headerHash = hex(V.computeHeaderHash({ drawId, ...seal, root }));
  const beacon = { chainHash: chain.chainHash, round: r.round, signature: r.signature };
  if (chain.chained) beacon.previousSignature = r.previous_signature;
  beacon.randomness = r.randomness;
  return {
    specVersion: 1,
    drawId,
    game,
    commitment: hex(V.computeCommitment({ drawId, chainHash: chain.chainHash, beaconRound: r.round, seed })),
    beacon,
    seal,
    seed: seedHex,
    numbers: V.drawNumbers(game, seed, drawId, root, unhex(r.randomness)),
    tickets: sorted.map((t, i) => ({ ...t, index: i, proof: V.auditPath(i, leaves).map(hex) })),
  };
}

const TICKETS_4D = [
  { ticketId: 't-3', currency: 'IDR', pricePaidMinor: 5000, lines: [{ betType: '2D', selection: '34', stakeMinor: 5000 }] },
  { ticketId: 't-1', currency: 'IDR', pricePaidMinor: 10000, lines: [{ betType: '4D', selection: '1234', stakeMinor: 10000 }] },
  { ticketId: 't-2', currency: 'IDR', pricePaidMinor: 15000, lines: [
    { betType: '4D', selection: '0007', stakeMinor: 10000 },
    { betType: '3D', selection: '007', stakeMinor: 5000 },
  ] },
  { ticketId: 't-10', currency: 'IDR', pricePaidMinor: 2000, lines: [{ betType: 'BIG', selection: 'ABCD', stakeMinor: 2000 }] },
  { ticketId: 'u-\u00e9', currency: 'IDR', pricePaidMinor: 3000, lines: [] },
];
const TICKETS_LOTTO = [
  { ticketId: 'L-a', currency: 'IDR', pricePaidMinor: 20000, lines: [{ betType: 'LOTTO', selection: '1,2,3,4,5,6', stakeMinor: 20000 }] },
  { ticketId: 'L-b', currency: 'IDR', pricePaidMinor: 40000, lines: [
    { betType: 'LOTTO', selection: '7,8,9,10,11,12', stakeMinor: 20000 },
    { betType: 'LOTTO', selection: '13,14,15,16,17,18', stakeMinor: 20000 },
  ] },
  { ticketId: 'L-c', currency: 'IDR', pricePaidMinor: 20000, lines: [{ betType: 'LOTTO', selection: '44,45,46,47,48,49', stakeMinor: 20000 }] },
];

const SAMPLES = {
  'quicknet 4D': () => buildDraw({
    drawId: '4d-jakarta-20261123T2100', game: { type: '4D' }, net: QUICKNET, roundIndex: 3,
    seedHex: '0f'.repeat(16) + 'a5'.repeat(16), tickets: TICKETS_4D,
  }),
  'mainnet LOTTO 6/49': () => buildDraw({
    drawId: 'lotto-649-20261124T2000', game: { type: 'LOTTO', pick: 6, of: 49 }, net: MAINNET, roundIndex: 6,
    seedHex: '3c'.repeat(32), tickets: TICKETS_LOTTO,
  }),
  'mainnet round 1 (genesis seed as previous signature)': () => buildDraw({
    drawId: '4d-genesis', game: { type: '4D' }, net: MAINNET, roundIndex: 0,
    seedHex: '01'.repeat(32), tickets: TICKETS_4D.slice(0, 1),
  }),
};

/** Every single-field change: each scalar altered, each object key deleted, each array element removed. */
function* singleFieldChanges(value, path = []) {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      yield* singleFieldChanges(value[i], [...path, i]);
      yield { path: [...path, i], op: 'remove' };
    }
  } else if (value !== null && typeof value === 'object') {
    for (const k of Object.keys(value)) {
      yield* singleFieldChanges(value[k], [...path, k]);
      yield { path: [...path, k], op: 'delete' };
    }
  } else if (typeof value === 'string') {
    if (/^(?:[0-9a-f]{2})+$/.test(value)) {
      const last = parseInt(value.at(-1), 16) ^ 1;
      yield { path, op: 'set', value: value.slice(0, -1) + last.toString(16), what: 'flip last hex bit' };
      yield { path, op: 'set', value: value.slice(0, -2), what: 'drop last byte' };
      if (/[a-f]/.test(value)) yield { path, op: 'set', value: value.toUpperCase(), what: 'uppercase hex' };
    }
    yield { path, op: 'set', value: `${value}x`, what: 'append' };
    if (value.length > 0) yield { path, op: 'set', value: value.slice(1), what: 'drop first char' };
    yield { path, op: 'set', value: null, what: 'null' };
    yield { path, op: 'set', value: 7, what: 'number' };
  } else if (typeof value === 'number') {
    yield { path, op: 'set', value: value + 1, what: '+1' };
    yield { path, op: 'set', value: value - 1, what: '-1' };
    yield { path, op: 'set', value: String(value), what: 'string' };
    yield { path, op: 'set', value: value + 0.5, what: 'fraction' };
  }
}

function applyChange(draw, change) {
  const copy = clone(draw);
  let parent = copy;
  for (const k of change.path.slice(0, -1)) parent = parent[k];
  const key = change.path.at(-1);
  if (change.op === 'delete') delete parent[key];
  else if (change.op === 'remove') parent.splice(key, 1);
  else parent[key] = change.value;
  return copy;
}

// Changes that legitimately leave a draw valid: the ticket list is an optional, partial
// disclosure, so dropping it or one of its entries (with its proof) is still a valid draw.
const legitimatelyValid = (c) =>
  (c.path.length === 1 && c.path[0] === 'tickets' && c.op === 'delete') ||
  (c.path.length === 2 && c.path[0] === 'tickets' && c.op === 'remove');

describe('complete draws (SPEC §7)', () => {
  for (const [name, make] of Object.entries(SAMPLES)) {
    test(`${name}: the sample draw verifies`, () => {
      const res = V.verifyDraw(make());
      assert.deepEqual(res.failures, []);
      assert.ok(res.ok);
      assert.deepEqual(res.warnings, []);
    });

    test(`${name}: changing any single field makes verification fail`, () => {
      const draw = make();
      let n = 0;
      for (const change of singleFieldChanges(draw)) {
        const changed = applyChange(draw, change);
        const res = V.verifyDraw(changed);
        if (legitimatelyValid(change)) {
          assert.ok(res.ok, `${change.path.join('.')} ${change.op}: ${JSON.stringify(res.failures)}`);
          continue;
        }
        n++;
        assert.equal(res.ok, false, `${change.path.join('.')} ${change.op} ${change.what ?? ''} was accepted`);
        assert.ok(res.failures.length > 0);
        assert.ok(!res.failures.some((f) => f.check === 'internal'), `${change.path.join('.')}: ${JSON.stringify(res.failures)}`);
      }
      assert.ok(n > 100, `only ${n} changes tried`);
    });
  }

  test('each check names itself', () => {
    const base = SAMPLES['quicknet 4D']();
    const checksOf = (d) => V.verifyDraw(d).failures.map((f) => f.check).sort();
    let d = clone(base);
    d.commitment = hex(V.sha256(Uint8Array.of(1)));
    assert.deepEqual(checksOf(d), ['commitment']);
    d = clone(base);
    d.seal.headerHash = hex(V.sha256(Uint8Array.of(2)));
    assert.deepEqual(checksOf(d), ['seal.headerHash']);
    d = clone(base);
    d.numbers = d.numbers.map((x) => (x + 1) % 10);
    assert.deepEqual(checksOf(d), ['numbers']);
    d = clone(base);
    d.beacon.randomness = hex(V.sha256(Uint8Array.of(3)));
    assert.deepEqual(checksOf(d), ['beacon.randomness', 'numbers']);
    d = clone(base);
    d.specVersion = 2;
    assert.deepEqual(checksOf(d), ['specVersion']);
    d = clone(base);
    d.tickets[1].pricePaidMinor += 1;
    assert.deepEqual(checksOf(d), ['seal.totalStakeMinor', 'ticket.inclusion']);
    d = clone(base);
    d.beacon.chainHash = 'ab'.repeat(32);
    assert.ok(checksOf(d).includes('beacon.chain'));
    d = clone(base);
    d.beacon.previousSignature = MAINNET.rounds[1].previous_signature;
    assert.deepEqual(checksOf(d), ['format'], 'quicknet is unchained: no previous signature');
    d = clone(base);
    d.tickets.push({ ...clone(d.tickets[0]) });
    assert.deepEqual(checksOf(d), ['tickets', 'tickets'], 'duplicate index and duplicate ticketId');
  });

  test('another round of the right chain, with its own valid signature, fails the commitment', () => {
    const d = SAMPLES['quicknet 4D']();
    const other = QUICKNET.rounds[4];
    d.beacon.round = other.round;
    d.beacon.signature = other.signature;
    d.beacon.randomness = other.randomness;
    const checks = V.verifyDraw(d).failures.map((f) => f.check);
    assert.ok(checks.includes('commitment'));
    assert.ok(!checks.includes('beacon.signature'));
  });

  test('a public key carried inside the draw is ignored', () => {
    const short = bls12_381.shortSignatures;
    const { secretKey, publicKey } = short.keygen(new Uint8Array(48).fill(9));
    const d = SAMPLES['quicknet 4D']();
    const msg = short.hash(V.sha256(V.u64(d.beacon.round)), new TextEncoder().encode(QUICKNET.dst));
    const sig = short.Signature.toBytes(short.sign(msg, secretKey));
    d.beacon.signature = hex(sig);
    d.beacon.randomness = hex(V.sha256(sig));
    d.beacon.publicKey = publicKey.toHex();
    d.publicKey = publicKey.toHex();
    const res = V.verifyDraw(d);
    assert.equal(res.ok, false);
    assert.ok(res.failures.some((f) => f.check === 'beacon.signature'));
  });

  test('leaves out of ticketId order are reported', () => {
    // Build a tree in the wrong order (by insertion), with valid proofs against that root.
    const drawId = 'order-test';
    const tickets = [TICKETS_4D[0], TICKETS_4D[1]]; // t-3 before t-1: wrong
    const leaves = tickets.map((t) => V.encodeTicketLeaf({ ...t, drawId }));
    const good = SAMPLES['quicknet 4D']();
    const root = V.merkleTreeHash(leaves);
    const d = { ...good, drawId };
    d.seal = { leafCount: 2, currency: 'IDR', totalStakeMinor: 15000, root: hex(root) };
    d.seal.headerHash = hex(V.computeHeaderHash({ drawId, ...d.seal, root }));
    d.commitment = hex(V.computeCommitment({ drawId, chainHash: d.beacon.chainHash, beaconRound: d.beacon.round, seed: unhex(d.seed) }));
    d.numbers = V.drawNumbers(d.game, unhex(d.seed), drawId, root, unhex(d.beacon.randomness));
    d.tickets = tickets.map((t, i) => ({ ...t, index: i, proof: V.auditPath(i, leaves).map(hex) }));
    assert.deepEqual(V.verifyDraw(d).failures.map((f) => f.check), ['tickets.order']);
  });

  test('a draw with no tickets given, and an empty sealed tree, verify', () => {
    const d = buildDraw({ drawId: 'empty', game: { type: '4D' }, net: QUICKNET, roundIndex: 0, seedHex: '77'.repeat(32), tickets: [] });
    assert.equal(d.seal.root, 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    assert.ok(V.verifyDraw(d).ok);
    delete d.tickets;
    assert.ok(V.verifyDraw(d).ok);
  });

  test('malformed input of any kind is a failure, never an exception', () => {
    const base = SAMPLES['mainnet LOTTO 6/49']();
    const junk = [undefined, null, 0, -1, 2 ** 53, 1e300, NaN, '', 'x', 'ff', true, [], {}, [1, 2], { a: 1 }, '0'.repeat(64)];
    const inputs = [...junk, [base], 'draw'];
    for (const change of singleFieldChanges(base)) {
      if (change.op !== 'set') continue;
      const current = change.path.reduce((o, k) => o[k], base);
      for (const v of junk) if (!Object.is(v, current)) inputs.push(applyChange(base, { ...change, value: v }));
    }
    // Whole objects and arrays replaced by junk too.
    for (const path of [['game'], ['beacon'], ['seal'], ['tickets'], ['numbers'], ['tickets', 0], ['tickets', 0, 'lines'],
      ['tickets', 0, 'lines', 0], ['tickets', 0, 'proof']]) {
      for (const v of junk) {
        if (path[0] === 'tickets' && path.length === 1 && (v === undefined || v === null || (Array.isArray(v) && v.length === 0))) continue;
        inputs.push(applyChange(base, { path, op: 'set', value: v }));
      }
    }
    inputs.push({ ...base, game: { type: 'LOTTO', pick: 2 ** 40, of: 2 ** 41 } });
    inputs.push({ ...base, game: { type: 'LOTTO', pick: 50, of: 49 } });
    inputs.push({ ...base, beacon: { ...base.beacon, round: 0 } });
    inputs.push({ ...base, beacon: { ...base.beacon, round: -5 } });
    inputs.push({ ...base, beacon: { ...base.beacon, round: 2 ** 53 } });
    inputs.push({ ...base, tickets: [{ ...base.tickets[0], index: 99 }] });
    inputs.push({ ...base, drawId: '\ud800' });
    for (const input of inputs) {
      const res = V.verifyDraw(input);
      assert.equal(res.ok, false, JSON.stringify(input)?.slice(0, 300));
      assert.ok(res.failures.length > 0);
      assert.ok(!res.failures.some((f) => f.check === 'internal'), JSON.stringify(res.failures));
    }
  });

  test('a local beacon fails without the flag and passes with a warning with it', () => {
    const d = SAMPLES['quicknet 4D']();
    const sig = V.sha256(new TextEncoder().encode('local beacon signature'));
    d.beacon = { chainHash: V.LOCAL_CHAIN_HASH, round: 42, signature: hex(sig), randomness: hex(V.sha256(sig)) };
    const seed = unhex(d.seed);
    d.commitment = hex(V.computeCommitment({ drawId: d.drawId, chainHash: V.LOCAL_CHAIN_HASH, beaconRound: 42, seed }));
    d.numbers = V.drawNumbers(d.game, seed, d.drawId, unhex(d.seal.root), V.sha256(sig));

    const strict = V.verifyDraw(d);
    assert.equal(strict.ok, false);
    assert.deepEqual(strict.failures.map((f) => f.check), ['beacon.chain']);

    const local = V.verifyDraw(d, { allowLocalBeacon: true });
    assert.ok(local.ok, JSON.stringify(local.failures));
    assert.equal(local.warnings.length, 1);
    assert.match(local.warnings[0], /LOCAL BEACON/);

    // The other checks still apply to a local draw.
    const bad = clone(d);
    bad.beacon.randomness = hex(V.sha256(Uint8Array.of(0)));
    assert.ok(V.verifyDraw(bad, { allowLocalBeacon: true }).failures.some((f) => f.check === 'beacon.randomness'));
  });
});

// -------------------------------------------------------------------------------------------
describe('command line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fairdraw-verify-'));
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  const write = (name, value) => {
    const p = join(dir, name);
    writeFileSync(p, typeof value === 'string' ? value : JSON.stringify(value, null, 2));
    return p;
  };
  const run = (...args) => {
    const r = spawnSync(process.execPath, [VERIFY, ...args], { encoding: 'utf8' });
    return { code: r.status, lines: r.stdout.trimEnd().split('\n'), stderr: r.stderr };
  };
  const good = SAMPLES['quicknet 4D']();
  const good2 = SAMPLES['mainnet LOTTO 6/49']();

  test('one valid draw: "1 passed, 0 failed", exit 0', () => {
    const r = run(write('good.json', good));
    assert.deepEqual(r.lines, ['1 passed, 0 failed']);
    assert.equal(r.code, 0);
  });

  test('one invalid draw: a line naming the draw and the check, exit 1', () => {
    const bad = clone(good);
    bad.numbers[0] = (bad.numbers[0] + 1) % 10;
    const r = run(write('bad.json', bad));
    assert.equal(r.code, 1);
    assert.equal(r.lines.at(-1), '0 passed, 1 failed');
    assert.equal(r.lines.length, 2);
    assert.match(r.lines[0], /^FAIL 4d-jakarta-20261123T2100: numbers: /);
  });

  test('--batch: counts passes and failures', () => {
    const bad = clone(good2);
    bad.seal.totalStakeMinor += 1;
    const r = run('--batch', write('batch.json', [good, bad, good2, 'nonsense']));
    assert.equal(r.code, 1);
    assert.equal(r.lines.at(-1), '2 passed, 2 failed');
    assert.ok(r.lines.some((l) => l.startsWith('FAIL [1] lotto-649-20261124T2000: seal.headerHash')));
    assert.ok(r.lines.some((l) => l.startsWith('FAIL [3] (no drawId): format')));
    const ok = run('--batch', write('batch-ok.json', [good, good2]));
    assert.deepEqual(ok.lines, ['2 passed, 0 failed']);
    assert.equal(ok.code, 0);
  });

  test('--allow-local-beacon prints a warning; without it the draw fails', () => {
    const d = clone(good);
    const sig = Uint8Array.of(1, 2, 3);
    d.beacon = { chainHash: V.LOCAL_CHAIN_HASH, round: 7, signature: hex(sig), randomness: hex(V.sha256(sig)) };
    d.commitment = hex(V.computeCommitment({ drawId: d.drawId, chainHash: V.LOCAL_CHAIN_HASH, beaconRound: 7, seed: unhex(d.seed) }));
    d.numbers = V.drawNumbers(d.game, unhex(d.seed), d.drawId, unhex(d.seal.root), V.sha256(sig));
    const p = write('local.json', d);
    const strict = run(p);
    assert.equal(strict.code, 1);
    assert.equal(strict.lines.at(-1), '0 passed, 1 failed');
    assert.match(strict.lines[0], /beacon\.chain/);
    const allowed = run('--allow-local-beacon', p);
    assert.equal(allowed.code, 0);
    assert.equal(allowed.lines.at(-1), '1 passed, 0 failed');
    assert.match(allowed.lines[0], /^WARNING 4d-jakarta-20261123T2100: LOCAL BEACON/);
  });

  test('unreadable input is a failure; bad usage exits 2', () => {
    const r = run(write('broken.json', '{"specVersion": 1,'));
    assert.equal(r.code, 1);
    assert.equal(r.lines.at(-1), '0 passed, 1 failed');
    const arr = run(write('array.json', [good]));
    assert.equal(arr.code, 1);
    assert.equal(arr.lines.at(-1), '0 passed, 1 failed');
    const notArr = run('--batch', write('object.json', good));
    assert.equal(notArr.code, 1);
    assert.equal(notArr.lines.at(-1), '0 passed, 1 failed');
    assert.equal(run(join(dir, 'missing.json')).lines.at(-1), '0 passed, 1 failed');
    assert.equal(run().code, 2);
    assert.equal(run('--frobnicate', 'x.json').code, 2);
  });

  test('a draw id cannot forge output lines', () => {
    const d = clone(good);
    d.drawId = 'x\n99 passed, 0 failed';
    const r = run(write('forge.json', d));
    assert.equal(r.code, 1);
    assert.equal(r.lines.at(-1), '0 passed, 1 failed');
    assert.ok(!r.lines.slice(0, -1).some((l) => /^\d+ passed, \d+ failed$/.test(l)));
  });
});
