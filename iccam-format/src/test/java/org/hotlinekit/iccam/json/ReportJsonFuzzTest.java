package org.hotlinekit.iccam.json;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.hotlinekit.core.HotlinekitException;
import org.hotlinekit.iccam.ncmec.CyberTiplineExport;
import org.hotlinekit.iccam.model.Report;
import org.hotlinekit.iccam.stats.Kpis;

/**
 * Untrusted report documents: reading gives a document or a HotlinekitException; a document that
 * reads is written, read back equal, exported and counted without error; reading it as a stream
 * judges it as reading it whole does.
 */
class ReportJsonFuzzTest {
  @FuzzTest(maxDuration = "60s")
  void read(byte[] data) {
    ReportJson json = ReportJson.builder().maxBytes(1 << 20).build();
    if (!ReportJsonStreamTest.sameVerdict(json, data)) {
      throw new IllegalStateException("read as a stream, judged otherwise than read whole");
    }
    ReportDocument doc;
    try {
      doc = json.read(data, "fuzz").document();
    } catch (HotlinekitException expected) {
      return;
    }
    ReportDocument back = json.read(json.write(doc), "written").document();
    if (!back.equals(doc)) {
      throw new IllegalStateException("read(write(x)) != x");
    }
    for (Report r : doc.reports()) {
      CyberTiplineExport.export(r);
    }
    Kpis.standard().compute(doc.reports());
  }
}
