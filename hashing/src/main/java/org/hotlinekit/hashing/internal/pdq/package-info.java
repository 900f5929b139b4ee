/**
 * The PDQ float pipeline (Jarosz tent filter, 64x64 decimation, quality, 16x16 DCT, median
 * threshold, dihedral transforms) with the reference's float32 order of operations. Not API.
 */
package org.hotlinekit.hashing.internal.pdq;
