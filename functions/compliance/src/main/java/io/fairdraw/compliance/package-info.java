/**
 * The compliance authorizer: for each player request API Gateway asks whether it may pass and
 * what the function behind it should know. The service refuses at the gateway only what needs
 * no explanation (no or bad token, a forged edge, a blocked or unknown place) and passes every
 * other decision, with its stable reason code, to the function in the authorizer context.
 */
package io.fairdraw.compliance;
