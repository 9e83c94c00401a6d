/**
 * The back office's reporting store: PostgreSQL through Hibernate Reactive Panache. The
 * projector fills it from the DynamoDB table streams ({@link io.fairdraw.backoffice.store.Projection});
 * the back-office API reads it ({@link io.fairdraw.backoffice.store.Reports}) and keeps its own
 * case records in it (correcting-transfer proposals). DynamoDB stays the system of record: every
 * row here can be rebuilt by replaying the streams.
 */
package io.fairdraw.backoffice.store;
