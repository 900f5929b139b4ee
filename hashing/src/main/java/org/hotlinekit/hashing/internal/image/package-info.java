/**
 * Safe image decoding for PDQ: format sniffing, a pixel cap checked from the header before
 * decoding, and conversion of ImageIO rasters to the 8-bit samples the reference hashes. Not API.
 */
package org.hotlinekit.hashing.internal.image;
