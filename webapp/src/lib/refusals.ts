// Telling a refused token from a refused player. The functions answer a bad or expired token with
// 401 problem+json; API Gateway's Lambda authorizer can only answer 403, with {"message":"Forbidden"}
// and no reasonCode (docs/compliance.md). A 403 that carries a reasonCode is a decision about the
// player (UNDERAGE, SELF_EXCLUDED, ...): a fresh token changes nothing, so it is not retried.

/** True when the answer means "your token is not accepted": refresh it and try once more. */
export function tokenRefused(status: number, body: string): boolean {
  if (status === 401) return true;
  if (status !== 403) return false;
  try {
    const parsed = JSON.parse(body);
    return !(parsed && typeof parsed === 'object' && typeof parsed.reasonCode === 'string');
  } catch {
    return true;
  }
}
