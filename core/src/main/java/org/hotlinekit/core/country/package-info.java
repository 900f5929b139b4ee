/** Country codes: ISO 3166-1 alpha-2 (and XK), one rule for every module. */
package org.hotlinekit.core.country;
