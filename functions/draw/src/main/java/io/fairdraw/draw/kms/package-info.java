/**
 * AWS KMS for the draw's secrets, spoken directly (the JSON 1.1 protocol, SigV4-signed with the
 * SDK's signer and default credentials): seeds from GenerateRandom, sealed at rest with Encrypt
 * under a key whose policy admits the draw function's role alone, with the draw id as
 * encryption context.
 */
package io.fairdraw.draw.kms;
