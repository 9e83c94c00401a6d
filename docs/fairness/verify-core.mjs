// Fairdraw draw verifier, the checks themselves — fairness specification version 1 (SPEC.md
// beside this file). Pure JavaScript with no Node.js API, so the same module runs in Node (the
// command line, verify.mjs) and in a browser (the player web app's "verify this draw" view).
//
// An independent implementation: it shares no code with the Fairdraw platform and depends only
// on @noble/hashes (SHA-256, HMAC-SHA256) and @noble/curves (BLS12-381 pairings).

import { hmac } from '@noble/hashes/hmac.js';
import { sha256 as sha256Hash } from '@noble/hashes/sha2.js';
import { bls12_381 } from '@noble/curves/bls12-381.js';

export const SPEC_VERSION = 1;

export const DOMAIN = Object.freeze({
  commitment: 'fairdraw/commitment/v1',
  ticket: 'fairdraw/ticket/v1',
  seal: 'fairdraw/seal/v1',
  outcome: 'fairdraw/outcome/v1',
});

// ---------------------------------------------------------------------------------------------
// Trust anchors: the drand chains this verifier knows. Copied from
// functions/test-support/src/main/resources/drand/rounds.json (League of Entropy chain info).
// A public key that arrives inside a draw is never used; only these are.
// ---------------------------------------------------------------------------------------------

export const CHAINS = Object.freeze({
  '52db9ba70e0cc0f6eaf7803dd07447a1f5477735fd3f661792ba94600c84e971': Object.freeze({
    name: 'quicknet',
    beaconID: 'quicknet',
    chainHash: '52db9ba70e0cc0f6eaf7803dd07447a1f5477735fd3f661792ba94600c84e971',
    schemeID: 'bls-unchained-g1-rfc9380',
    chained: false,
    publicKey:
      '83cf0f2896adee7eb8b5f01fcad3912212c437e0073e911fb90022d3e760183c8c4b450b6a0a6c3ac6a5776a2d1064510d1fec758c921cc22b0e17e63aaf4bcb5ed66304de9cf809bd274ca73bab4af5a6e9c76a4bc09e76eae8991ef5ece45a',
    genesisTime: 1692803367,
    period: 3,
    groupHash: 'f477d5c89f21a17c863a7f937c6a6d15859414d2be09cd448d4279af331c5d3e',
    dst: 'BLS_SIG_BLS12381G1_XMD:SHA-256_SSWU_RO_NUL_',
    signatureBytes: 48,
  }),
  '8990e7a9aaed2ffed73dbd7092123d6f289930540d7651336225dc172e51b2ce': Object.freeze({
    name: 'mainnet',
    beaconID: 'default',
    chainHash: '8990e7a9aaed2ffed73dbd7092123d6f289930540d7651336225dc172e51b2ce',
    schemeID: 'pedersen-bls-chained',
    chained: true,
    publicKey:
      '868f005eb8e6e4ca0a47c8a77ceaa5309a47978a7c71bc5cce96366b5d7a569937c529eeda66c7293784a9402801af31',
    genesisTime: 1595431050,
    period: 30,
    groupHash: '176f93498eac9ca337150b46d21dd58673ea4e3581185f869672e59fa4cb390a',
    dst: 'BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_NUL_',
    signatureBytes: 96,
  }),
});

/** The chain hash a laptop's local beacon declares (SPEC §5). Never a trust anchor. */
export const LOCAL_CHAIN_HASH = '0'.repeat(64);

// ---------------------------------------------------------------------------------------------
// Bytes and encodings (SPEC §1)
// ---------------------------------------------------------------------------------------------

const TWO_32 = 2 ** 32;
const U32_MAX = TWO_32 - 1;
const U64_MAX = (1n << 64n) - 1n;
const utf8 = new TextEncoder();

export function concat(...parts) {
  let length = 0;
  for (const p of parts) length += p.length;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

export function bytesEqual(a, b) {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i] ^ b[i];
  return diff === 0;
}

const HEX_DIGITS = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

/** Lowercase hex, no prefix. */
export function toHex(bytes) {
  let out = '';
  for (let i = 0; i < bytes.length; i++) out += HEX_DIGITS[bytes[i]];
  return out;
}

const HEX_RE = /^(?:[0-9a-f]{2})*$/;

/** Strict hex decoding: lowercase only, even length, optionally an exact byte length. */
export function fromHex(hex, byteLength) {
  if (typeof hex !== 'string' || !HEX_RE.test(hex)) throw new Error('not lowercase hex');
  if (byteLength !== undefined && hex.length !== 2 * byteLength) {
    throw new Error(`expected ${2 * byteLength} hex characters, got ${hex.length}`);
  }
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}

export function sha256(...parts) {
  const h = sha256Hash.create();
  for (const p of parts) h.update(p);
  return h.digest();
}

export function hmacSha256(key, ...parts) {
  const h = hmac.create(sha256Hash, key);
  for (const p of parts) h.update(p);
  return h.digest();
}

/** u32(n): 4 bytes, big-endian. */
export function u32(n) {
  if (!Number.isInteger(n) || n < 0 || n > U32_MAX) throw new Error(`u32 out of range: ${n}`);
  const out = new Uint8Array(4);
  new DataView(out.buffer).setUint32(0, n, false);
  return out;
}

/** u64(n): 8 bytes, big-endian. Accepts a non-negative safe integer or a bigint. */
export function u64(n) {
  let v;
  if (typeof n === 'bigint') v = n;
  else if (Number.isSafeInteger(n)) v = BigInt(n);
  else throw new Error(`u64 needs a safe integer or bigint: ${n}`);
  if (v < 0n || v > U64_MAX) throw new Error(`u64 out of range: ${n}`);
  const out = new Uint8Array(8);
  new DataView(out.buffer).setBigUint64(0, v, false);
  return out;
}

/** lp(b) = u32(len(b)) || b */
export function lp(bytes) {
  return concat(u32(bytes.length), bytes);
}

/** str(s) = lp(UTF-8 bytes of s). Strings that are not well-formed Unicode are refused. */
export function str(s) {
  if (typeof s !== 'string') throw new Error('not a string');
  if (!s.isWellFormed()) throw new Error('string is not well-formed Unicode (lone surrogate)');
  return lp(utf8.encode(s));
}

/** Unsigned byte-wise comparison of UTF-8 encodings; a proper prefix sorts first (SPEC §3). */
export function compareUtf8(a, b) {
  const x = utf8.encode(a);
  const y = utf8.encode(b);
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) if (x[i] !== y[i]) return x[i] < y[i] ? -1 : 1;
  return x.length === y.length ? 0 : x.length < y.length ? -1 : 1;
}

// ---------------------------------------------------------------------------------------------
// Commitment (SPEC §2), ticket leaf (§3), seal header (§4)
// ---------------------------------------------------------------------------------------------

/**
 * commitment = SHA256(str(domain) || str(drawId) || str(chainHash) || u64(beaconRound) || lp(seed))
 * chainHash is the 64-character lowercase hex string (str() of its text, as the spec writes it).
 */
export function computeCommitment({ drawId, chainHash, beaconRound, seed }) {
  return sha256(
    str(DOMAIN.commitment),
    str(drawId),
    str(chainHash),
    u64(beaconRound),
    lp(seed),
  );
}

/** The leaf bytes of one ticket (SPEC §3). */
export function encodeTicketLeaf({ ticketId, drawId, currency, pricePaidMinor, lines }) {
  const parts = [
    str(DOMAIN.ticket),
    str(ticketId),
    str(drawId),
    str(currency),
    u64(pricePaidMinor),
    u32(lines.length),
  ];
  for (const line of lines) {
    parts.push(str(line.betType), str(line.selection), u64(line.stakeMinor));
  }
  return concat(...parts);
}

/** The sealed header bytes (SPEC §4). */
export function encodeSealHeader({ drawId, leafCount, currency, totalStakeMinor, root }) {
  return concat(
    str(DOMAIN.seal),
    str(drawId),
    u64(leafCount),
    str(currency),
    u64(totalStakeMinor),
    lp(root),
  );
}

export function computeHeaderHash(seal) {
  return sha256(encodeSealHeader(seal));
}

// ---------------------------------------------------------------------------------------------
// Merkle tree, RFC 6962 §2.1 / RFC 9162 §2.1
// ---------------------------------------------------------------------------------------------

const LEAF_PREFIX = Uint8Array.of(0x00);
const NODE_PREFIX = Uint8Array.of(0x01);

export function leafHash(leaf) {
  return sha256(LEAF_PREFIX, leaf);
}

export function nodeHash(left, right) {
  return sha256(NODE_PREFIX, left, right);
}

/** Largest power of two strictly smaller than n (n >= 2). */
function splitPoint(n) {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** MTH(D) by the recursive definition, over the raw leaf byte strings. */
export function merkleTreeHash(leaves) {
  const n = leaves.length;
  if (n === 0) return sha256(new Uint8Array(0));
  if (n === 1) return leafHash(leaves[0]);
  const k = splitPoint(n);
  return nodeHash(merkleTreeHash(leaves.slice(0, k)), merkleTreeHash(leaves.slice(k)));
}

/** PATH(m, D): the RFC 6962 §2.1.1 audit path for leaf m, by the recursive definition. */
export function auditPath(m, leaves) {
  const n = leaves.length;
  if (!(Number.isInteger(m) && m >= 0 && m < n)) throw new Error('leaf index out of range');
  if (n === 1) return [];
  const k = splitPoint(n);
  if (m < k) return [...auditPath(m, leaves.slice(0, k)), merkleTreeHash(leaves.slice(k))];
  return [...auditPath(m - k, leaves.slice(k)), merkleTreeHash(leaves.slice(0, k))];
}

/**
 * RFC 9162 §2.1.3.2: the root that an inclusion proof yields for a leaf hash, or null if the
 * proof is structurally invalid for (index, treeSize). Index and size are handled as bigints so
 * that trees beyond 2^32 leaves shift correctly.
 */
export function rootFromInclusionProof(index, treeSize, leafHashBytes, proof) {
  const fnStart = BigInt(index);
  const size = BigInt(treeSize);
  if (fnStart < 0n || fnStart >= size) return null;
  let fn = fnStart;
  let sn = size - 1n;
  let r = leafHashBytes;
  for (const p of proof) {
    if (sn === 0n) return null;
    if ((fn & 1n) === 1n || fn === sn) {
      r = nodeHash(p, r);
      if ((fn & 1n) === 0n) {
        while ((fn & 1n) === 0n && fn !== 0n) {
          fn >>= 1n;
          sn >>= 1n;
        }
      }
    } else {
      r = nodeHash(r, p);
    }
    fn >>= 1n;
    sn >>= 1n;
  }
  if (sn !== 0n) return null;
  return r;
}

/** True when the proof shows that leafHash is at `index` in the tree of `treeSize` with `root`. */
export function verifyInclusion(index, treeSize, leafHashBytes, proof, root) {
  const computed = rootFromInclusionProof(index, treeSize, leafHashBytes, proof);
  return computed !== null && bytesEqual(computed, root);
}

// ---------------------------------------------------------------------------------------------
// Outcome stream and numbers (SPEC §6)
// ---------------------------------------------------------------------------------------------

/** message = str(domain) || str(drawId) || lp(root) || lp(beaconRandomness) */
export function outcomeMessage(drawId, root, randomness) {
  return concat(str(DOMAIN.outcome), str(drawId), lp(root), lp(randomness));
}

/** block(i) = HMAC(seed, message || u32(i)) */
export function outcomeBlock(seed, message, i) {
  return hmacSha256(seed, message, u32(i));
}

/** Returns a function yielding the stream's successive 4-byte big-endian unsigned words. */
export function outcomeWords(seed, drawId, root, randomness) {
  const message = outcomeMessage(drawId, root, randomness);
  let blockIndex = 0;
  let block = null;
  let pos = 32;
  return function nextWord() {
    if (pos === 32) {
      block = outcomeBlock(seed, message, blockIndex);
      blockIndex += 1;
      pos = 0;
    }
    const w = ((block[pos] << 24) | (block[pos + 1] << 16) | (block[pos + 2] << 8) | block[pos + 3]) >>> 0;
    pos += 4;
    return w;
  };
}

/** limit = 2^32 - (2^32 mod n): words >= limit are rejected. */
export function rejectionLimit(n) {
  if (!Number.isInteger(n) || n < 1 || n > TWO_32) throw new Error(`n out of range: ${n}`);
  return TWO_32 - (TWO_32 % n);
}

/** Uniform integer in [0, n) from a word source, by rejection sampling. */
export function uniform(nextWord, n) {
  const limit = rejectionLimit(n);
  for (;;) {
    const x = nextWord();
    if (x < limit) return x % n;
  }
}

/** 4D: four uniform digits A, B, C, D. */
export function draw4D(nextWord) {
  return [uniform(nextWord, 10), uniform(nextWord, 10), uniform(nextWord, 10), uniform(nextWord, 10)];
}

/**
 * Lotto K/N: from the ascending pool 1..N, K times remove the element at index uniform(N - i),
 * returning the picks in draw order. The pool is not materialised: the element at index j of
 * the remaining ascending pool is found from the sorted list of values already removed, so any
 * N up to 2^32 costs O(K^2).
 */
export function drawLotto(nextWord, pick, of) {
  if (!Number.isInteger(of) || of < 1 || of > TWO_32) throw new Error(`lotto N out of range: ${of}`);
  if (!Number.isInteger(pick) || pick < 1 || pick > of) throw new Error(`lotto K out of range: ${pick}`);
  const picks = [];
  const removed = []; // ascending
  for (let i = 0; i < pick; i++) {
    const j = uniform(nextWord, of - i);
    let value = j + 1;
    let at = 0;
    while (at < removed.length && removed[at] <= value) {
      value += 1;
      at += 1;
    }
    removed.splice(at, 0, value);
    picks.push(value);
  }
  return picks;
}

/** The numbers of a draw, from seed, drawId, root and beacon randomness. */
export function drawNumbers(game, seed, drawId, root, randomness) {
  const nextWord = outcomeWords(seed, drawId, root, randomness);
  if (game.type === '4D') return draw4D(nextWord);
  if (game.type === 'LOTTO') return drawLotto(nextWord, game.pick, game.of);
  throw new Error(`unknown game type ${game.type}`);
}

// ---------------------------------------------------------------------------------------------
// drand beacons (SPEC §5)
// ---------------------------------------------------------------------------------------------

/** drand's chain hash: sha256(u32(period) || u64(genesis) || publicKey || groupHash [|| beaconID]). */
export function computeChainHash(chain) {
  const parts = [u32(chain.period), u64(chain.genesisTime), fromHex(chain.publicKey), fromHex(chain.groupHash)];
  if (chain.beaconID && chain.beaconID !== 'default') parts.push(utf8.encode(chain.beaconID));
  return sha256(...parts);
}

/** The 32-byte digest a drand round signs. */
export function drandMessage(chain, round, previousSignature) {
  if (chain.chained) return sha256(previousSignature, u64(round));
  return sha256(u64(round));
}

/**
 * Checks a drand round's BLS signature with the chain's embedded public key.
 * signature and previousSignature are byte arrays. Returns { ok: true } or { ok: false, reason }.
 * Never throws: malformed points are reported as failures.
 */
export function verifyDrandSignature(chain, round, signature, previousSignature) {
  try {
    if (!Number.isSafeInteger(round) || round < 1) return { ok: false, reason: 'round must be a positive safe integer' };
    if (!(signature instanceof Uint8Array) || signature.length !== chain.signatureBytes) {
      return { ok: false, reason: `signature must be ${chain.signatureBytes} bytes on ${chain.name}` };
    }
    if (chain.chained && !(previousSignature instanceof Uint8Array)) {
      return { ok: false, reason: `previousSignature is required on ${chain.name}` };
    }
    const scheme = chain.chained ? bls12_381.longSignatures : bls12_381.shortSignatures;
    const sigPoint = scheme.Signature.fromBytes(new Uint8Array(signature));
    if (sigPoint.is0()) return { ok: false, reason: 'signature is the point at infinity' };
    // randomness = SHA256(signature bytes), so only the canonical encoding is accepted.
    if (!bytesEqual(scheme.Signature.toBytes(sigPoint), signature)) {
      return { ok: false, reason: 'signature is not canonically encoded' };
    }
    const digest = drandMessage(chain, round, previousSignature && new Uint8Array(previousSignature));
    const hashed = scheme.hash(digest, utf8.encode(chain.dst));
    const ok = scheme.verify(sigPoint, hashed, fromHex(chain.publicKey));
    return ok ? { ok: true } : { ok: false, reason: `BLS signature does not verify for round ${round} on ${chain.name}` };
  } catch (e) {
    return { ok: false, reason: `malformed signature: ${e.message}` };
  }
}

// A batch often holds many draws on the same beacon round: remember each pairing check's result
// (keyed by every input it depends on, including the chain's public key).
const drandChecks = new Map();
const DRAND_CHECKS_MAX = 4096;

function cachedDrandCheck(chain, round, signature, previousSignature) {
  const key = [chain.chainHash, chain.publicKey, round, toHex(signature), previousSignature ? toHex(previousSignature) : '-'].join('/');
  let res = drandChecks.get(key);
  if (res === undefined) {
    res = verifyDrandSignature(chain, round, signature, previousSignature);
    if (drandChecks.size >= DRAND_CHECKS_MAX) drandChecks.clear();
    drandChecks.set(key, res);
  }
  return res;
}

// ---------------------------------------------------------------------------------------------
// Draw validation and verification (SPEC §7)
// ---------------------------------------------------------------------------------------------

const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
const isU64 = (v) => Number.isSafeInteger(v) && v >= 0;

/**
 * Checks the shape of a published draw. Returns a list of problems (strings); empty when the
 * draw is well-formed and every field can be decoded.
 */
export function validateDrawShape(draw, { chainOf } = {}) {
  const problems = [];
  const bad = (path, what) => problems.push(`${path}: ${what}`);
  const needString = (v, path, { nonEmpty = false } = {}) => {
    if (typeof v !== 'string') return bad(path, 'must be a string'), false;
    if (!v.isWellFormed()) return bad(path, 'is not well-formed Unicode'), false;
    if (nonEmpty && v.length === 0) return bad(path, 'must not be empty'), false;
    return true;
  };
  const needHex = (v, path, bytes) => {
    if (typeof v !== 'string' || !HEX_RE.test(v)) return bad(path, 'must be lowercase hex'), false;
    if (bytes !== undefined && v.length !== 2 * bytes) return bad(path, `must be ${2 * bytes} hex characters`), false;
    return true;
  };
  const needU64 = (v, path) => {
    if (!isU64(v)) return bad(path, 'must be a non-negative safe integer'), false;
    return true;
  };

  if (!isObject(draw)) return ['draw: must be a JSON object'];

  needString(draw.drawId, 'drawId', { nonEmpty: true });
  needHex(draw.commitment, 'commitment', 32);
  needHex(draw.seed, 'seed', 32);

  // game
  const game = draw.game;
  if (!isObject(game)) bad('game', 'must be an object');
  else if (game.type === '4D') {
    /* no parameters */
  } else if (game.type === 'LOTTO') {
    if (!Number.isInteger(game.of) || game.of < 1 || game.of > TWO_32) bad('game.of', 'must be an integer in 1..2^32');
    if (!Number.isInteger(game.pick) || game.pick < 1) bad('game.pick', 'must be a positive integer');
    else if (Number.isInteger(game.of) && game.pick > game.of) bad('game.pick', 'must not exceed game.of');
  } else bad('game.type', 'must be "4D" or "LOTTO"');

  // numbers
  if (!Array.isArray(draw.numbers)) bad('numbers', 'must be an array');
  else {
    draw.numbers.forEach((n, i) => {
      if (!Number.isSafeInteger(n) || n < 0) bad(`numbers[${i}]`, 'must be a non-negative integer');
    });
    if (isObject(game) && game.type === '4D' && draw.numbers.length !== 4) bad('numbers', 'a 4D draw has 4 digits');
    if (isObject(game) && game.type === 'LOTTO' && Number.isInteger(game.pick) && draw.numbers.length !== game.pick) {
      bad('numbers', `a LOTTO draw has game.pick (${game.pick}) numbers`);
    }
  }

  // beacon
  const beacon = draw.beacon;
  if (!isObject(beacon)) bad('beacon', 'must be an object');
  else {
    const chainOk = needHex(beacon.chainHash, 'beacon.chainHash', 32);
    const roundOk = Number.isSafeInteger(beacon.round) && beacon.round >= 1;
    if (!roundOk) bad('beacon.round', 'must be a positive safe integer');
    needHex(beacon.randomness, 'beacon.randomness', 32);
    const chain = chainOk && chainOf ? chainOf(beacon.chainHash) : undefined;
    const hasPrev = beacon.previousSignature !== undefined && beacon.previousSignature !== null;
    if (chain) {
      needHex(beacon.signature, 'beacon.signature', chain.signatureBytes);
      if (chain.chained) {
        if (!hasPrev) bad('beacon.previousSignature', `is required on ${chain.name}`);
        else if (roundOk) {
          // drand: round 1's previous signature is the chain's 32-byte genesis seed.
          needHex(beacon.previousSignature, 'beacon.previousSignature', beacon.round === 1 ? 32 : chain.signatureBytes);
        }
      } else if (hasPrev) bad('beacon.previousSignature', `must be absent on ${chain.name} (unchained)`);
    } else {
      // Unknown or local chain: only the shape can be checked here.
      if (needHex(beacon.signature, 'beacon.signature') && beacon.signature.length === 0) {
        bad('beacon.signature', 'must not be empty');
      }
      if (hasPrev) needHex(beacon.previousSignature, 'beacon.previousSignature');
    }
  }

  // seal
  const seal = draw.seal;
  if (!isObject(seal)) bad('seal', 'must be an object');
  else {
    needU64(seal.leafCount, 'seal.leafCount');
    needString(seal.currency, 'seal.currency');
    needU64(seal.totalStakeMinor, 'seal.totalStakeMinor');
    needHex(seal.root, 'seal.root', 32);
    needHex(seal.headerHash, 'seal.headerHash', 32);
  }

  // tickets (optional)
  if (draw.tickets !== undefined && draw.tickets !== null) {
    if (!Array.isArray(draw.tickets)) bad('tickets', 'must be an array');
    else {
      draw.tickets.forEach((t, i) => {
        const p = `tickets[${i}]`;
        if (!isObject(t)) return bad(p, 'must be an object');
        needString(t.ticketId, `${p}.ticketId`);
        needString(t.currency, `${p}.currency`);
        needU64(t.pricePaidMinor, `${p}.pricePaidMinor`);
        if (!Array.isArray(t.lines)) bad(`${p}.lines`, 'must be an array');
        else {
          if (t.lines.length > U32_MAX) bad(`${p}.lines`, 'too many lines');
          t.lines.forEach((line, j) => {
            const lpth = `${p}.lines[${j}]`;
            if (!isObject(line)) return bad(lpth, 'must be an object');
            needString(line.betType, `${lpth}.betType`);
            needString(line.selection, `${lpth}.selection`);
            needU64(line.stakeMinor, `${lpth}.stakeMinor`);
          });
        }
        if (!isU64(t.index)) bad(`${p}.index`, 'must be a non-negative safe integer');
        else if (isObject(seal) && isU64(seal.leafCount) && t.index >= seal.leafCount) {
          bad(`${p}.index`, `must be below seal.leafCount (${seal.leafCount})`);
        }
        if (!Array.isArray(t.proof)) bad(`${p}.proof`, 'must be an array');
        else t.proof.forEach((h, j) => needHex(h, `${p}.proof[${j}]`, 32));
      });
    }
  }
  return problems;
}

function knownChain(chainHash) {
  return Object.prototype.hasOwnProperty.call(CHAINS, chainHash) ? CHAINS[chainHash] : undefined;
}

/**
 * Verifies one published draw. Never throws.
 * Returns { drawId, ok, failures: [{ check, detail }], warnings: [string] }.
 */
export function verifyDraw(draw, { allowLocalBeacon = false, chains = CHAINS } = {}) {
  const chainOf = (h) => (Object.prototype.hasOwnProperty.call(chains, h) ? chains[h] : undefined);
  const failures = [];
  const warnings = [];
  const fail = (check, detail) => failures.push({ check, detail });
  const drawId = isObject(draw) && typeof draw.drawId === 'string' && draw.drawId !== '' ? draw.drawId : null;
  const result = () => ({ drawId, ok: failures.length === 0, failures, warnings });

  try {
    if (!isObject(draw)) {
      fail('format', 'draw: must be a JSON object');
      return result();
    }
    if (draw.specVersion !== SPEC_VERSION) {
      const got = JSON.stringify(draw.specVersion) ?? 'nothing';
      fail('specVersion', `expected ${SPEC_VERSION}, got ${got.length > 40 ? `${got.slice(0, 40)}...` : got}`);
      return result();
    }
    const problems = validateDrawShape(draw, { chainOf });
    if (problems.length > 0) {
      for (const p of problems) fail('format', p);
      return result();
    }

    const { beacon, seal, game } = draw;
    const seed = fromHex(draw.seed, 32);
    const root = fromHex(seal.root, 32);
    const randomness = fromHex(beacon.randomness, 32);
    const signature = fromHex(beacon.signature);

    // 1. Commitment: binds the operator to the seed and the beacon round before sales.
    const expectedCommitment = computeCommitment({
      drawId: draw.drawId,
      chainHash: beacon.chainHash,
      beaconRound: beacon.round,
      seed,
    });
    if (!bytesEqual(expectedCommitment, fromHex(draw.commitment, 32))) {
      fail('commitment', 'does not match SHA256 over seed, drawId, chainHash and beacon round');
    }

    // 2. Beacon: signature from a known drand chain, and randomness = SHA256(signature).
    const chain = chainOf(beacon.chainHash);
    if (chain) {
      const prev = beacon.previousSignature == null ? undefined : fromHex(beacon.previousSignature);
      const sig = cachedDrandCheck(chain, beacon.round, signature, prev);
      if (!sig.ok) fail('beacon.signature', sig.reason);
    } else if (beacon.chainHash === LOCAL_CHAIN_HASH) {
      if (allowLocalBeacon) {
        warnings.push(
          'LOCAL BEACON (chainHash = 64 zeros): the beacon signature was NOT verified; ' +
            'this draw is not bound to public drand randomness and proves nothing about fairness',
        );
      } else {
        fail('beacon.chain', 'local beacon (chainHash = 64 zeros) is not accepted; use --allow-local-beacon for local testing only');
      }
    } else {
      fail('beacon.chain', `unknown drand chain ${beacon.chainHash}; known: ${Object.values(chains).map((c) => c.name).join(', ')}`);
    }
    if (!bytesEqual(sha256(signature), randomness)) {
      fail('beacon.randomness', 'is not SHA256(signature)');
    }

    // 3. Seal: the published header hash matches the header fields.
    const headerHash = computeHeaderHash({
      drawId: draw.drawId,
      leafCount: seal.leafCount,
      currency: seal.currency,
      totalStakeMinor: seal.totalStakeMinor,
      root,
    });
    if (!bytesEqual(headerHash, fromHex(seal.headerHash, 32))) {
      fail('seal.headerHash', 'does not match the seal fields and drawId');
    }

    // 4. Numbers: follow from seed, drawId, root and randomness.
    const expectedNumbers = drawNumbers(game, seed, draw.drawId, root, randomness);
    const numbersMatch =
      expectedNumbers.length === draw.numbers.length && expectedNumbers.every((n, i) => n === draw.numbers[i]);
    if (!numbersMatch) {
      fail('numbers', `published [${draw.numbers.join(', ')}], recomputed [${expectedNumbers.join(', ')}]`);
    }

    // 5. Tickets: each leaf, with its proof, reproduces the sealed root.
    const tickets = Array.isArray(draw.tickets) ? draw.tickets : [];
    for (const t of tickets) {
      const label = `ticket ${t.ticketId} (index ${t.index})`;
      const leaf = encodeTicketLeaf({ ...t, drawId: draw.drawId });
      const proof = t.proof.map((h) => fromHex(h, 32));
      if (!verifyInclusion(t.index, seal.leafCount, leafHash(leaf), proof, root)) {
        fail('ticket.inclusion', `${label}: inclusion proof does not reproduce seal.root`);
      }
    }
    checkTicketSet(tickets, seal, fail);
  } catch (e) {
    fail('internal', `verification aborted: ${e && e.message ? e.message : String(e)}`);
  }
  return result();
}

/**
 * Consequences of SPEC §3/§4 that the supplied tickets allow checking: indices and ticket ids
 * are unique, leaves are in ticketId order (UTF-8 bytes, unsigned), and, when every leaf is
 * supplied, totalStakeMinor is the sum of pricePaidMinor.
 */
function checkTicketSet(tickets, seal, fail) {
  if (tickets.length === 0) return;
  const byIndex = new Map();
  const ids = new Set();
  for (const t of tickets) {
    if (byIndex.has(t.index)) fail('tickets', `index ${t.index} appears more than once`);
    byIndex.set(t.index, t);
    if (ids.has(t.ticketId)) fail('tickets', `ticketId ${t.ticketId} appears more than once`);
    ids.add(t.ticketId);
  }
  const sorted = [...byIndex.values()].sort((a, b) => a.index - b.index);
  for (let i = 1; i < sorted.length; i++) {
    if (compareUtf8(sorted[i - 1].ticketId, sorted[i].ticketId) >= 0) {
      fail(
        'tickets.order',
        `ticket ${sorted[i - 1].ticketId} (index ${sorted[i - 1].index}) must sort before ` +
          `${sorted[i].ticketId} (index ${sorted[i].index}) by UTF-8 bytes`,
      );
    }
  }
  if (byIndex.size === seal.leafCount && byIndex.size === tickets.length) {
    const total = tickets.reduce((sum, t) => sum + BigInt(t.pricePaidMinor), 0n);
    if (total !== BigInt(seal.totalStakeMinor)) {
      fail('seal.totalStakeMinor', `all ${seal.leafCount} leaves given; their pricePaidMinor sum to ${total}, not ${seal.totalStakeMinor}`);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Output
// ---------------------------------------------------------------------------------------------

/** Escapes anything outside printable ASCII so that no input can forge output lines. */
export function printable(s) {
  return String(s).replace(/[^\x20-\x7e]/gu, (c) => `\\u{${c.codePointAt(0).toString(16)}}`);
}
