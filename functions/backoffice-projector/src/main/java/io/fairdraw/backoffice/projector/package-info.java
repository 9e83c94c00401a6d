/** The back-office projector: DynamoDB stream records into the PostgreSQL reporting store. */
package io.fairdraw.backoffice.projector;
