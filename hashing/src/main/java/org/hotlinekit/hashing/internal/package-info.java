/**
 * Implementation of the hashing module. Not API: nothing here is exported, and any of it may
 * change in any release.
 */
package org.hotlinekit.hashing.internal;
