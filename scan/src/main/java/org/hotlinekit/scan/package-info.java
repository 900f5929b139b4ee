/**
 * The hotline's main job as one flow: {@link org.hotlinekit.scan.Scan} hashes every file of a
 * folder once, matches it against hash lists, labels known items from their list entries and sets
 * new ones aside for review; {@link org.hotlinekit.scan.ScanResult} holds the outcome per file
 * ({@link org.hotlinekit.scan.ScanItem}) and the report in the exchange format, and writes the
 * results, the report (optionally sealed into a packet) and a summary page as one folder.
 */
package org.hotlinekit.scan;
