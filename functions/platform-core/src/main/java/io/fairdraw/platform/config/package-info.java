/**
 * Change control of configuration: versions of the game and jurisdiction catalogues, proposed by
 * one operator and approved by another, each in force from its stated time ({@link ConfigVersions}),
 * and the catalogues in force that every function applies ({@link Catalogues}).
 */
package io.fairdraw.platform.config;
