/**
 * Implementation helpers of the core module. Not API: not exported from the module, and may change
 * in any release.
 */
package org.hotlinekit.core.internal;
