/**
 * The plug-in point for signal types hotlinekit does not ship: a {@link
 * org.hotlinekit.hashing.spi.SignalHasher} turns the decoded pixels of an image into a value of
 * its {@link org.hotlinekit.core.hash.HashType}, which lists then carry and the matcher compares
 * (exactly, or by Hamming distance up to the type's default). Installed plug-ins are found with
 * {@link java.util.ServiceLoader} on the class path and the module path ({@code provides
 * org.hotlinekit.hashing.spi.SignalHasher with ...}), or registered on the builders.
 */
package org.hotlinekit.hashing.spi;
