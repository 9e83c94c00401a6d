/**
 * SnapStart on the JVM: the CRaC hooks that prime a function before its snapshot and make a
 * restored environment read afresh what it had read before ({@code RestoreAware}).
 */
package io.fairdraw.platform.snapstart;
