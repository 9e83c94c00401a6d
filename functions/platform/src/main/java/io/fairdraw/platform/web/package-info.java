/**
 * Web plumbing shared by HTTP functions: problem+json for every failure, the 1 MiB body limit
 * and strict JSON reading. Resources never build error responses themselves; they throw.
 */
package io.fairdraw.platform.web;
