/** The draw function's Lambda entry: a scheduler event in, a step result out; malformed input is rejected, never thrown. */
package io.fairdraw.draw.entry;
