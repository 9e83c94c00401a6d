// The headline of the verify page: what the checks proved, and what they could not.

/** The chain hash a laptop's local beacon declares (docs/fairness/SPEC.md §5): never a trust anchor. */
export const LOCAL_CHAIN_HASH = '0'.repeat(64);

export interface Verdict {
  kind: 'pass' | 'partial' | 'fail';
  text: string;
}

/**
 * A draw that passes every check on public drand randomness verifies. One on the local test
 * beacon passes the same checks, but its randomness proves nothing: the heading must not say
 * it verifies without saying so.
 */
export function verdictOf(ok: boolean, chainHash: string | undefined): Verdict {
  if (!ok) return { kind: 'fail', text: '✗ This draw does not verify' };
  if (chainHash === LOCAL_CHAIN_HASH) {
    return {
      kind: 'partial',
      text: '⚠ Verifies except the beacon: the commitment, the sealed tickets and the numbers check out, but a local test beacon proves nothing about fairness',
    };
  }
  return { kind: 'pass', text: '✓ This draw verifies' };
}
