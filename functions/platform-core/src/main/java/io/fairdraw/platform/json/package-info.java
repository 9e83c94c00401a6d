/**
 * Reading the JSON files a deployment ships (catalogues, sanctions lists) from the class path or
 * from a path the operator names; below {@code config}, {@code games} and {@code compliance},
 * which all read through it.
 */
package io.fairdraw.platform.json;
