package org.hotlinekit.examples.recipes;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.hotlinekit.core.digest.DigestAlgorithm;
import org.hotlinekit.core.hash.HashValue;
import org.hotlinekit.core.io.AtomicFiles;
import org.hotlinekit.hashing.media.MediaHasher;
import org.hotlinekit.hashing.media.MediaHashes;
import org.hotlinekit.iccam.json.ReportDocument;
import org.hotlinekit.iccam.json.ReportJson;
import org.hotlinekit.iccam.model.ContentItem;
import org.hotlinekit.iccam.model.Fingerprint;
import org.hotlinekit.iccam.model.MediaType;
import org.hotlinekit.iccam.model.Report;
import org.hotlinekit.iccam.packet.PacketWriter;
import org.hotlinekit.iccam.packet.Pem;
import org.hotlinekit.iccam.packet.SignerIdentity;

/**
 * Build a report for a captured image, check it against the exchange format, and seal it for a
 * partner: signed with the hotline's key, encrypted to the partner's certificate. The packet opens
 * with {@code openssl cms} as well as with {@link OpenAPacket}.
 *
 * <pre>{@code java -cp ... org.hotlinekit.examples.recipes.SealAReport capture.jpg \
 *     signer.key signer.pem partner.pem case.p7m}</pre>
 */
public final class SealAReport {
  private SealAReport() {}

  /**
   * Runs the recipe.
   *
   * @param args the image, the signer's key and certificate, the recipient's certificate, and
   *     where to write the packet
   */
  public static void main(String[] args) {
    run(System.out, Path.of(args[0]), Path.of(args[1]), Path.of(args[2]), Path.of(args[3]),
        Path.of(args[4]));
  }

  /**
   * Builds, validates and seals a one-item report.
   *
   * @param out where to print
   * @param image the captured image
   * @param signerKey the hotline's private key (PEM)
   * @param signerCert the hotline's certificate
   * @param recipientCert the partner's certificate
   * @param packet where to write the packet (atomically)
   * @return the sealed document
   */
  public static ReportDocument run(PrintStream out, Path image, Path signerKey, Path signerCert,
      Path recipientCert, Path packet) {
    MediaHashes h = MediaHasher.builder().digests(DigestAlgorithm.MD5).pdq(true).build()
        .hash(image);
    ContentItem item = new ContentItem("item-1", "https://example.org/gallery/1.jpg",
        MediaType.IMAGE, Optional.empty(), Optional.empty(), Optional.of(false),
        List.of(Fingerprint.of(HashValue.of(h.digests().get(DigestAlgorithm.MD5).orElseThrow())),
            Fingerprint.of(HashValue.of(h.pdq().orElseThrow().hash()))),
        List.of(), List.of(), Optional.empty());
    Report report = new Report("BE-2026-000001", "BE-example-hotline",
        Instant.parse("2026-03-02T09:15:00Z"), ZoneId.of("Europe/Brussels"),
        "https://example.org/gallery/", Optional.empty(), Optional.empty(), Optional.empty(),
        List.of(), Optional.empty(), List.of(item));
    ReportDocument doc = new ReportDocument(List.of(report));

    // What the partner will check on receipt, checked before sending: write, then read strictly.
    ReportJson json = ReportJson.strict();
    json.read(json.write(doc), "report");

    byte[] sealed = PacketWriter.builder()
        .sender("BE-example-hotline")
        .signer(SignerIdentity.of(Pem.privateKey(signerKey), Pem.certificate(signerCert),
            List.of()))
        .recipient(Pem.certificate(recipientCert))
        .build()
        .seal(doc);
    AtomicFiles.write(packet, sealed);
    out.println("sealed " + doc.reports().size() + " report with " + report.items().size()
        + " item into " + packet + " (" + sealed.length + " bytes)");
    return doc;
  }
}
