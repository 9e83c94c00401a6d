/**
 * The identity-check provider port and its sandbox adapter. Submissions go to the provider and
 * are never stored; the outcome and the provider's reference are.
 */
package io.fairdraw.registration.kyc;
