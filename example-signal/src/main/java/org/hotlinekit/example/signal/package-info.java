/** The example plug-in signal {@link org.hotlinekit.example.signal.DifferenceHash}. */
package org.hotlinekit.example.signal;
