/**
 * Web plumbing shared by HTTP functions: problem+json for every failure, the 1 MiB body limit,
 * UTF-8 bodies only, and strict JSON reading (no duplicate fields). Resources never build error responses themselves; they throw.
 */
package io.fairdraw.platform.web;
