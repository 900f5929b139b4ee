package org.hotlinekit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.hotlinekit.examples.TestPki;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * packet seal / open with a test PKI made by the openssl command line at test time: a verified
 * round trip, and a distinct exit code per failure class, with nothing written on failure.
 */
class PacketCommandTest {
  private static final Path SAMPLE = Path.of("reports/sample-reports.json");

  @TempDir static Path pkiDir;
  private static TestPki pki;

  @BeforeAll
  static void makePki() throws Exception {
    pki = TestPki.create(pkiDir);
  }

  @Test
  void sealThenOpen(@TempDir Path dir) throws IOException {
    Path packet = dir.resolve("packet.p7m");
    CliRun seal = CliRun.of("packet", "seal", "--in", SAMPLE.toString(), "--to", p("recipient.pem"),
        "--key", p("signer.key"), "--cert", p("signer.pem"), "--sender", "BE-example-hotline",
        "--out", packet.toString());
    assertThat(seal.exitCode()).as(seal.err()).isZero();
    assertThat(seal.out()).contains("sealed 3 reports for 1 recipients");
    Path out = dir.resolve("reports.json");
    CliRun open = open(packet, "recipient", "ca.pem", out);
    assertThat(open.exitCode()).as(open.err()).isZero();
    assertThat(open.out()).contains("verified: 3 reports");
    // The signed bytes as they were signed: the compact form, one line (issue 21).
    assertThat(Files.readString(out)).contains("\"sender\":\"BE-example-hotline\"")
        .doesNotContain("\n ");
    CliRun validate = CliRun.of("report", "validate", out.toString());
    assertThat(validate.exitCode()).as(validate.out()).isZero();

    // Distinct exit codes, and nothing written.
    Files.delete(out);
    assertThat(open(packet, "stranger", "ca.pem", out).exitCode()).isEqualTo(5);
    assertThat(open(packet, "recipient", "other.pem", out).exitCode()).isEqualTo(7);
    byte[] bytes = Files.readAllBytes(packet);
    byte[] flipped = bytes.clone();
    flipped[bytes.length - 200] ^= 0x04; // inside the ciphertext
    Path tampered = Files.write(dir.resolve("tampered.p7m"), flipped);
    assertThat(open(tampered, "recipient", "ca.pem", out).exitCode()).isEqualTo(6);
    Path truncated = Files.write(dir.resolve("truncated.p7m"),
        Arrays.copyOf(bytes, bytes.length / 2));
    CliRun cut = open(truncated, "recipient", "ca.pem", out);
    assertThat(cut.exitCode()).isEqualTo(3);
    assertThat(cut.err()).startsWith("hotlinekit: ").doesNotContain("\tat ");
    assertThat(out).doesNotExist();
    CliRun noWindow = CliRun.of("packet", "open", "--in", packet.toString(), "--key",
        p("recipient.key"), "--cert", p("recipient.pem"), "--trust", p("ca.pem"),
        "--max-age-days", "0", "--out", out.toString(), "--no-replay-check");
    assertThat(noWindow.exitCode()).isEqualTo(2);
    assertThat(out).doesNotExist();
    // A packet signed outside the window (made in the library's tests: OpenSSL cannot backdate
    // a signing time) has its own code.
    assertThat(PacketCommand.Open.exitCode(new org.hotlinekit.iccam.packet.ReplayException(
        org.hotlinekit.iccam.packet.ReplayException.Reason.TOO_OLD, "old"))).isEqualTo(9);
  }

  /** What every recipient would refuse is refused at sealing, each with its own exit code. */
  @Test
  void sealRefusesWhatRecipientsWouldRefuse(@TempDir Path dir) {
    Path packet = dir.resolve("never.p7m");
    CliRun wrongKey = CliRun.of("packet", "seal", "--in", SAMPLE.toString(), "--to",
        p("recipient.pem"), "--key", p("stranger.key"), "--cert", p("signer.pem"), "--out",
        packet.toString());
    assertThat(wrongKey.exitCode()).isEqualTo(10);
    assertThat(wrongKey.err()).startsWith("hotlinekit: not sealed: the private key does not"
        + " belong to the signer's certificate").doesNotContain("\tat ");
    CliRun caRecipient = CliRun.of("packet", "seal", "--in", SAMPLE.toString(), "--to",
        p("ca.pem"), "--key", p("signer.key"), "--cert", p("signer.pem"), "--out",
        packet.toString());
    assertThat(caRecipient.exitCode()).isEqualTo(14);
    assertThat(caRecipient.err()).contains("is a CA certificate");
    CliRun twice = CliRun.of("packet", "seal", "--in", SAMPLE.toString(), "--to",
        p("recipient.pem"), "--to", p("recipient.pem"), "--key", p("signer.key"), "--cert",
        p("signer.pem"), "--out", packet.toString());
    assertThat(twice.exitCode()).isEqualTo(15);
    CliRun signerAsRecipient = CliRun.of("packet", "seal", "--in", SAMPLE.toString(), "--to",
        p("signer.pem"), "--key", p("signer.key"), "--cert", p("signer.pem"), "--out",
        packet.toString());
    assertThat(signerAsRecipient.exitCode()).isEqualTo(14);
    assertThat(packet).doesNotExist();
    // Every refusal has its own documented code.
    String help = HotlinekitCli.newCommandLine().getSubcommands().get("packet").getSubcommands()
        .get("seal").getUsageMessage();
    java.util.Set<Integer> codes = new java.util.HashSet<>();
    for (org.hotlinekit.iccam.packet.SealRefusedException.Reason r
        : org.hotlinekit.iccam.packet.SealRefusedException.Reason.values()) {
      int code = PacketCommand.Seal.exitCode(r);
      assertThat(codes.add(code)).isTrue();
      assertThat(help).containsPattern("(?m)^\\s+" + code + "\\s+\\S");
    }
  }

  private static CliRun open(Path packet, String me, String trust, Path out) {
    return CliRun.of("packet", "open", "--in", packet.toString(), "--key", p(me + ".key"),
        "--cert", p(me + ".pem"), "--trust", p(trust), "--out", out.toString(), "--replay-db",
        out.resolveSibling("opened-packets").toString());
  }

  /** A packet opened once is refused the second time, in another run (exit 9). */
  @Test
  void aPacketOpenedBeforeIsRefusedAcrossRuns(@TempDir Path dir) {
    Path packet = dir.resolve("packet.p7m");
    assertThat(CliRun.of("packet", "seal", "--in", SAMPLE.toString(), "--to", p("recipient.pem"),
        "--key", p("signer.key"), "--cert", p("signer.pem"), "--out", packet.toString())
        .exitCode()).isZero();
    Path out = dir.resolve("reports.json");
    assertThat(open(packet, "recipient", "ca.pem", out).exitCode()).isZero();
    assertThat(out).exists();
    CliRun again = open(packet, "recipient", "ca.pem", dir.resolve("again.json"));
    assertThat(again.exitCode()).isEqualTo(9);
    assertThat(again.err()).contains("opened before");
    assertThat(dir.resolve("again.json")).doesNotExist();
    CliRun audit = CliRun.of("packet", "open", "--in", packet.toString(), "--key",
        p("recipient.key"), "--cert", p("recipient.pem"), "--trust", p("ca.pem"),
        "--no-replay-check");
    assertThat(audit.exitCode()).as(audit.err()).isZero();
  }

  private static String p(String name) {
    return pki.path(name).toString();
  }
}
