/**
 * The exception hierarchy shared by all hotlinekit modules.
 *
 * <p>Every exception hotlinekit throws on purpose is an unchecked {@link
 * org.hotlinekit.core.HotlinekitException}; its subclasses say what a caller can do about it.
 */
package org.hotlinekit.core;
