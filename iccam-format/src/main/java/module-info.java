/**
 * hotlinekit iccam-format: the report model ({@link org.hotlinekit.iccam.model}), its versioned
 * JSON exchange format ({@link org.hotlinekit.iccam.json}), the content-item workflow and work
 * queues ({@link org.hotlinekit.iccam.workflow}), URL canonicalisation ({@link
 * org.hotlinekit.iccam.url}), the NCMEC CyberTipline export ({@link org.hotlinekit.iccam.ncmec})
 * INHOPE-style statistics ({@link org.hotlinekit.iccam.stats}) and signed, encrypted exchange
 * packets ({@link org.hotlinekit.iccam.packet}).
 */
module org.hotlinekit.iccam {
  requires transitive org.hotlinekit.core;
  requires transitive org.hotlinekit.categorisation;
  requires tools.jackson.databind;
  requires java.xml;
  requires com.google.common;
  requires org.bouncycastle.pkix;
  requires org.bouncycastle.provider;
  requires org.bouncycastle.util;

  exports org.hotlinekit.iccam.model;
  exports org.hotlinekit.iccam.json;
  exports org.hotlinekit.iccam.workflow;
  exports org.hotlinekit.iccam.url;
  exports org.hotlinekit.iccam.ncmec;
  exports org.hotlinekit.iccam.stats;
  exports org.hotlinekit.iccam.packet;
}
