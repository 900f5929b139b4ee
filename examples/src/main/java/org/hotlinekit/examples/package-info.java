/**
 * Runnable examples of the hotlinekit API ({@link org.hotlinekit.examples.HashFilesExample}) and
 * the generator of the synthetic sample images the README's first command hashes ({@link
 * org.hotlinekit.examples.SampleImages}).
 */
package org.hotlinekit.examples;
