/**
 * AWS services Fairdraw calls without their SDK modules (not needed for a handful of JSON
 * calls): SigV4-signed requests with the SDK's signer and credentials chain.
 */
package io.fairdraw.platform.aws;
