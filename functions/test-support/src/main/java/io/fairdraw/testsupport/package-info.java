/**
 * Test resources shared by every function: DynamoDB Local in memory on a random port, the
 * WireMock OIDC server's signing key turned into token fixtures (good and broken), and the checks
 * that keep OpenAPI documents and the topology honest. Test scope only; nothing here ships.
 */
package io.fairdraw.testsupport;
