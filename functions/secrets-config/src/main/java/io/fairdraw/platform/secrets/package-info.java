/**
 * Secrets at run time: read from AWS Secrets Manager when a function starts, through a maintained
 * client (Powertools' parameters over the SDK), and offered as configuration. No secret is given
 * to a function as an environment variable.
 */
package io.fairdraw.platform.secrets;
