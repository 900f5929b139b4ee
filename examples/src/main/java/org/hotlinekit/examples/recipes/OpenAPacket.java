package org.hotlinekit.examples.recipes;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hotlinekit.core.InputReadException;
import org.hotlinekit.iccam.model.ContentItem;
import org.hotlinekit.iccam.model.Fingerprint;
import org.hotlinekit.iccam.model.Report;
import org.hotlinekit.iccam.packet.OpenedPacket;
import org.hotlinekit.iccam.packet.PacketReader;
import org.hotlinekit.iccam.packet.Pem;

/**
 * Open a packet from a partner: decrypt with this hotline's key, verify the signature against
 * the trusted CA, and only then read the reports. Any failure throws a specific exception
 * (tampered, untrusted signer, not a recipient, replayed, ...) and nothing is returned.
 *
 * <pre>{@code java -cp ... org.hotlinekit.examples.recipes.OpenAPacket case.p7m my.key my.pem ca.pem}</pre>
 */
public final class OpenAPacket {
  private OpenAPacket() {}

  /**
   * Runs the recipe.
   *
   * @param args the packet, this reader's key and certificate, and the trusted CA certificate
   */
  public static void main(String[] args) {
    run(System.out, Path.of(args[0]), Path.of(args[1]), Path.of(args[2]), Path.of(args[3]));
  }

  /**
   * Opens and verifies a packet, then prints who signed it and what it holds.
   *
   * @param out where to print
   * @param packet the packet
   * @param key this reader's private key
   * @param cert this reader's certificate
   * @param trustedCa the CA that signers' certificates must chain to
   * @return the verified packet
   */
  public static OpenedPacket run(PrintStream out, Path packet, Path key, Path cert,
      Path trustedCa) {
    PacketReader reader = PacketReader.builder()
        .recipient(Pem.privateKey(key), Pem.certificate(cert))
        .trustAnchor(Pem.certificate(trustedCa))
        .build();
    OpenedPacket opened;
    try (InputStream in = Files.newInputStream(packet)) {
      opened = reader.open(in);
    } catch (IOException e) {
      throw InputReadException.of(packet, e);
    }
    out.println("verified: signed by " + opened.signer().getSubjectX500Principal().getName()
        + " at " + opened.signingTime());
    for (Report r : opened.document().reports()) {
      for (ContentItem i : r.items()) {
        for (Fingerprint f : i.fingerprints()) {
          out.println(r.reference() + " " + i.id() + " " + f.type().id() + " " + f.value());
        }
      }
    }
    return opened;
  }
}
