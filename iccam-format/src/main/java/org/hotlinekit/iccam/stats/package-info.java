/** INHOPE-style statistics (KPIs) over a set of reports, with every definition explicit. */
package org.hotlinekit.iccam.stats;
