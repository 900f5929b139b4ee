/**
 * Lossy WebP decoding as libwebp does it: the VP8 key-frame decoder and libwebp's "fancy" chroma
 * upsampling and YUV to RGB conversion, so that PDQ sees the reference's pixels. Not API.
 */
package org.hotlinekit.hashing.internal.image.webp;
