package org.hotlinekit.iccam.packet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.hotlinekit.core.HotlinekitException;
import org.hotlinekit.core.InputReadException;
import org.hotlinekit.iccam.json.ReportDocument;
import org.hotlinekit.iccam.json.ReportJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opening a packet file into a document file ({@link PacketReader#open(Path, Path)}, which holds
 * neither whole) and verifying it without its document ({@link PacketReader#verify(Path)})
 * against opening the packet's bytes ({@link PacketReader#open(byte[])}, the oracle): the same
 * packets open, to the same document bytes and facts; the same are refused, with the same
 * exception and message; a refused packet leaves no document behind, and verifying writes
 * nothing.
 */
class PacketFileTest {
  private static final TestPki PKI = TestPki.INSTANCE;

  @TempDir Path dir;

  private static PacketReader reader(TestPki.Entity me) {
    return PacketReader.builder().recipient(me.key(), me.cert()).trustAnchor(PKI.ca.cert())
        .replayGuard(ReplayGuard.none()).build();
  }

  @Test
  void packetsOpenToTheSignedBytesForEverySignerAndRecipient() throws Exception {
    for (TestPki.Entity signer : List.of(PKI.ecSigner, PKI.rsaSigner)) {
      byte[] packet = PacketTest.writer(signer, PKI.ecRecipient, PKI.rsaRecipient)
          .seal(PacketTest.DOC);
      for (TestPki.Entity me : List.of(PKI.ecRecipient, PKI.rsaRecipient)) {
        sameVerdict(reader(me), packet, signer + " to " + me);
      }
    }
  }

  /** Over many buffers (about 4 MB), and with authenticated attributes (the GCM AAD). */
  @Test
  void largePacketsAndAuthenticatedAttributes() throws Exception {
    List<org.hotlinekit.iccam.model.Report> reports = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      for (org.hotlinekit.iccam.model.Report r : PacketTest.DOC.reports()) {
        reports.add(new org.hotlinekit.iccam.model.Report(r.reference() + "-" + i,
            r.reportingHotline(), r.receivedAt(), r.timeZone(), r.sourceUrl(), r.referrer(),
            r.siteType(), r.commerciality(), r.paymentMethods(),
            java.util.Optional.of("m".repeat(30_000)), r.items()));
      }
    }
    byte[] big = PacketTest.writer(PKI.ecSigner, PKI.ecRecipient)
        .seal(new ReportDocument(reports));
    assertThat(big.length).isGreaterThan(3_000_000);
    sameVerdict(reader(PKI.ecRecipient), big, "big");
    byte[] withAad = TestEnvelopes.envelopeWithAuthAttributes(TestEnvelopes.sign(
        PacketTest.payload(PKI.ecRecipient), PKI.ecSigner, PacketProfile.CONTENT_TYPE),
        PKI.ecRecipient.cert(), "marker");
    sameVerdict(reader(PKI.ecRecipient), withAad, "authAttrs");
  }

  /** Seeded damage: a byte changed, a cut, bytes added; both ways judge each alike. */
  @Test
  void damagedPacketsAreRefusedAlike() throws Exception {
    byte[] packet = PacketTest.writer(PKI.ecSigner, PKI.ecRecipient).seal(PacketTest.DOC);
    PacketReader reader = reader(PKI.ecRecipient);
    Random random = new Random(21);
    int refused = 0;
    for (int i = 0; i < 150; i++) {
      byte[] damaged;
      switch (i % 3) {
        case 0:
          damaged = packet.clone();
          damaged[random.nextInt(damaged.length)] ^= (byte) (1 + random.nextInt(255));
          break;
        case 1:
          damaged = Arrays.copyOf(packet, random.nextInt(packet.length));
          break;
        default:
          damaged = Arrays.copyOf(packet, packet.length + 1 + random.nextInt(40));
          break;
      }
      refused += sameVerdict(reader, damaged, "damage " + i) ? 0 : 1;
    }
    assertThat(refused).isGreaterThan(140);
  }

  /** Packets refused by their content: each refusal, with its message, the same both ways. */
  @Test
  void refusedContentIsRefusedAlike() throws Exception {
    PacketReader reader = reader(PKI.ecRecipient);
    byte[] good = PacketTest.payload(PKI.ecRecipient);
    String text = new String(good, StandardCharsets.UTF_8);
    List<byte[]> payloads = List.of(
        text.replaceFirst("\"version\" : 1,", "\"version\" : 1, \"version\" : 1,")
            .getBytes(StandardCharsets.UTF_8),
        text.replaceFirst("\"version\" : 1", "\"version\" : 99").getBytes(StandardCharsets.UTF_8),
        text.replaceFirst("\"sourceUrl\" : \"", "\"sourceUrl\" : 5, \"x\" : \"")
            .getBytes(StandardCharsets.UTF_8),
        concat(good, new byte[] {(byte) 0xff}),
        PacketTest.payload(PKI.rsaRecipient), // does not name this reader: forwarded
        ReportJson.strict().write(PacketTest.DOC)); // no packet header
    for (byte[] payload : payloads) {
      byte[] signed = TestEnvelopes.sign(payload, PKI.ecSigner, PacketProfile.CONTENT_TYPE);
      assertThat(sameVerdict(reader, TestEnvelopes.envelope(signed, PKI.ecRecipient.cert()),
          "payload")).isFalse();
      // A bad signature is said before the document's problems, as a whole read says it.
      byte[] forged = signed.clone();
      forged[PacketTest.indexOf(forged, "BE-example-hotline".getBytes(
          StandardCharsets.UTF_8))] ^= 1;
      assertThat(sameVerdict(reader, TestEnvelopes.envelope(forged, PKI.ecRecipient.cert()),
          "forged")).isFalse();
      assertThatThrownBy(() -> reader.open(TestEnvelopes.envelope(forged,
          PKI.ecRecipient.cert()))).isInstanceOf(TamperedException.class);
    }
    byte[] signed = TestEnvelopes.sign(good, PKI.ecSigner, PacketProfile.CONTENT_TYPE);
    for (byte[] packet : List.of(
        TestEnvelopes.envelope(TestEnvelopes.compress(signed), PKI.ecRecipient.cert()),
        TestEnvelopes.envelope(TestEnvelopes.signOdd(good, PKI.ecSigner, true, false),
            PKI.ecRecipient.cert()),
        TestEnvelopes.envelope(TestEnvelopes.signOdd(good, PKI.ecSigner, false, true),
            PKI.ecRecipient.cert()),
        TestEnvelopes.flip(TestEnvelopes.envelope(signed, PKI.ecRecipient.cert()), true),
        TestEnvelopes.flip(TestEnvelopes.envelope(signed, PKI.ecRecipient.cert()), false),
        signed)) {
      assertThat(sameVerdict(reader, packet, "structure")).isFalse();
    }
    assertThat(sameVerdict(reader(PKI.rsaRecipient), TestEnvelopes.envelope(signed,
        PKI.ecRecipient.cert()), "not mine")).isFalse();
  }

  @Test
  void aRefusedPacketLeavesAnExistingDocumentAsItWas() throws Exception {
    Path document = Files.writeString(dir.resolve("reports.json"), "before");
    Path packet = Files.write(dir.resolve("p.p7m"), new byte[] {0x30, 0x03, 0x02, 0x01});
    assertThatThrownBy(() -> reader(PKI.ecRecipient).open(packet, document))
        .isInstanceOf(org.hotlinekit.core.MalformedInputException.class);
    assertThat(Files.readString(document)).isEqualTo("before");
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
          "reports.json", "p.p7m");
    }
    assertThatThrownBy(() -> reader(PKI.ecRecipient).open(dir.resolve("missing.p7m"), document))
        .isInstanceOf(InputReadException.class);
    // A file that cannot be read is a read failure, not a malformed packet.
    Path folder = Files.createDirectory(dir.resolve("folder.p7m"));
    assertThatThrownBy(() -> reader(PKI.ecRecipient).open(folder, document))
        .isInstanceOf(InputReadException.class);
    assertThat(Files.readString(document)).isEqualTo("before");
    assertThatThrownBy(() -> reader(PKI.ecRecipient).verify(dir.resolve("missing.p7m")))
        .isInstanceOf(InputReadException.class);
    assertThatThrownBy(() -> reader(PKI.ecRecipient).verify(folder))
        .isInstanceOf(InputReadException.class);
  }

  /** Verifying records the packet as opening does: it is not opened, nor verified, again. */
  @Test
  void aVerifiedPacketIsRecordedAsOpened() throws Exception {
    Path packet = Files.write(dir.resolve("p.p7m"), PacketTest.writer(PKI.ecSigner,
        PKI.ecRecipient).seal(PacketTest.DOC));
    PacketReader reader = PacketReader.builder().recipient(PKI.ecRecipient.key(),
        PKI.ecRecipient.cert()).trustAnchor(PKI.ca.cert())
        .replayGuard(ReplayGuard.file(dir.resolve("opened"))).build();
    VerifiedPacket verified = reader.verify(packet);
    assertThat(verified.reports()).isEqualTo(PacketTest.DOC.reports().size());
    assertThat(verified.toString()).startsWith("VerifiedPacket[")
        .contains(verified.header().packetId().toString());
    assertThatThrownBy(() -> reader.verify(packet)).isInstanceOf(ReplayException.class);
    assertThatThrownBy(() -> reader.open(packet, dir.resolve("reports.json")))
        .isInstanceOf(ReplayException.class);
    assertThat(dir.resolve("reports.json")).doesNotExist();
  }

  /**
   * Opens both ways; asserts they agree, and that a refused file leaves no document.
   *
   * @return whether the packet opened
   */
  private boolean sameVerdict(PacketReader reader, byte[] packet, String what) throws Exception {
    Path file = Files.write(dir.resolve("packet.p7m"), packet);
    Path document = dir.resolve("opened.json");
    Files.deleteIfExists(document);
    OpenedPacket whole = null;
    HotlinekitException wholeRefusal = null;
    try {
      whole = reader.open(packet);
    } catch (HotlinekitException e) {
      wholeRefusal = e;
    }
    OpenedPacketFile opened = null;
    HotlinekitException fileRefusal = null;
    try {
      opened = reader.open(file, document);
    } catch (HotlinekitException e) {
      fileRefusal = e;
    }
    // Verifying the file without its document: the same verdict, and nothing written.
    VerifiedPacket verified = null;
    HotlinekitException verifyRefusal = null;
    try (var before = Files.list(dir)) {
      List<Path> files = before.toList();
      try {
        verified = reader.verify(file);
      } catch (HotlinekitException e) {
        verifyRefusal = e;
      }
      try (var after = Files.list(dir)) {
        assertThat(after.toList()).as(what).containsExactlyInAnyOrderElementsOf(files);
      }
    }
    if (whole != null) {
      assertThat(verifyRefusal).as(what).isNull();
      assertThat(verified.reports()).isEqualTo(whole.document().reports().size());
      assertThat(verified.header()).isEqualTo(whole.header());
      assertThat(verified.signer()).isEqualTo(whole.signer());
      assertThat(verified.signingTime()).isEqualTo(whole.signingTime());
      assertThat(verified).isNotInstanceOf(OpenedPacketFile.class);
    } else {
      assertThat(verifyRefusal).as(what + ": %s", wholeRefusal).isNotNull();
      assertThat(verifyRefusal.getClass()).as("%s: %s / %s", what, verifyRefusal, wholeRefusal)
          .isEqualTo(wholeRefusal.getClass());
      assertThat(verifyRefusal.getMessage()).as(what).isEqualTo(wholeRefusal.getMessage());
    }
    if (whole != null) {
      assertThat(fileRefusal).as(what).isNull();
      assertThat(Files.readAllBytes(document)).as(what).isEqualTo(whole.payload());
      assertThat(opened.reports()).isEqualTo(whole.document().reports().size());
      assertThat(opened.header()).isEqualTo(whole.header());
      assertThat(opened.signer()).isEqualTo(whole.signer());
      assertThat(opened.signingTime()).isEqualTo(whole.signingTime());
      assertThat(opened.document()).isEqualTo(document);
      return true;
    }
    assertThat(fileRefusal).as(what + ": %s", wholeRefusal).isNotNull();
    assertThat(fileRefusal.getClass()).as("%s: %s / %s", what, fileRefusal, wholeRefusal)
        .isEqualTo(wholeRefusal.getClass());
    assertThat(fileRefusal.getMessage()).as(what).isEqualTo(wholeRefusal.getMessage());
    assertThat(document).as(what).doesNotExist();
    try (var files = Files.list(dir)) {
      assertThat(files.filter(p -> p.getFileName().toString().endsWith(".tmp"))).isEmpty();
    }
    return false;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
