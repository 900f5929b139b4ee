/**
 * Writing files safely: {@link org.hotlinekit.core.io.AtomicFiles} replaces a file so that a
 * reader sees the old file or the complete new one, never a half-written one. Every hotlinekit
 * writer (hash lists, index files, packets, exports) goes through it.
 */
package org.hotlinekit.core.io;
