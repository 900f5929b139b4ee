/**
 * Implementation helpers shared by hotlinekit modules. Not API: exported only to sibling modules
 * and may change in any release.
 */
package org.hotlinekit.core.internal;
