/** Time as a port: the domain asks a {@code TimeSource} for now and never reads a clock itself. */
package io.fairdraw.model.time;
