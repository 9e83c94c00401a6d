/**
 * DynamoDB access shared by every function: the table definitions (one place), table names from
 * configuration, and the transaction helper that turns cancellation reasons into domain errors.
 * Attribute names of an aggregate live in that aggregate's mapper, never here.
 */
package io.fairdraw.platform.dynamo;
