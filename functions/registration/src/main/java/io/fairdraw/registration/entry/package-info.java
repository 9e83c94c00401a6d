/**
 * HTTP entry of the registration function. Resources translate JSON into domain values, make one
 * service call and shape the answer; they hold no rules. Every route names the roles it admits.
 */
package io.fairdraw.registration.entry;
