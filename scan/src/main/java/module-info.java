/**
 * hotlinekit scan: from a folder of media to labelled results, a report in the exchange format
 * (optionally sealed) and a readable summary, in one flow ({@link org.hotlinekit.scan.Scan}).
 */
module org.hotlinekit.scan {
  requires transitive org.hotlinekit.hashing;
  requires transitive org.hotlinekit.iccam;
  requires tools.jackson.databind;
  requires org.slf4j;
  requires org.apache.commons.compress;
  // Commons Compress loads XZ for Java only when an xz stream is met.
  requires org.tukaani.xz;

  exports org.hotlinekit.scan;
}
