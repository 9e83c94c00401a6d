/** The HTTP routes of the betting function (API Gateway HTTP API through the Lambda adapter). */
package io.fairdraw.betting.entry;
