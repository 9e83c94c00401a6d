/**
 * The Lambda entry of the authorizer. It reads the gateway's event into a
 * {@link io.fairdraw.compliance.GatewayRequest}, makes one service call and shapes the simple
 * response; no rules live here. Whatever goes wrong, the answer is a refusal: no exception leaves
 * the handler, because a failing authorizer must never open a route.
 */
package io.fairdraw.compliance.entry;
