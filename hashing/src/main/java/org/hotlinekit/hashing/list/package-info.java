/**
 * Hash lists: the {@link org.hotlinekit.hashing.list.HashListEntry} model and streaming readers
 * and writers for list formats ({@link org.hotlinekit.hashing.list.HashListFormat}), which report
 * bad lines as {@code file:line: reason} and keep every good entry.
 */
package org.hotlinekit.hashing.list;
