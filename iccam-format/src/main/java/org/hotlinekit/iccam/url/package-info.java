/**
 * URLs for duplicate detection: {@link Urls#canonical(String)} brings equivalent spellings of a URL
 * to one form, and {@link Urls#sha256(String)} / {@link Urls#hmacSha256(byte[], String)} share URL
 * lists without the URLs themselves.
 */
package org.hotlinekit.iccam.url;
