package org.hotlinekit.iccam.packet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hotlinekit.core.UnsupportedInputException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interoperability with the {@code openssl} command line (OpenSSL 3.0 or newer; {@code .ci/run}
 * installs it): hotlinekit packets open with {@code openssl cms -decrypt} then {@code -verify}, for
 * both recipient kinds and both signature kinds; packets made by {@code openssl cms} with the
 * profile's flags open in hotlinekit; OpenSSL's defaults (RSA PKCS#1 v1.5, the SHA-1 KDF) and a CBC
 * envelope are refused. The recipes are those of the domain reference (exchange-formats.md A.5).
 */
class OpenSslInteropTest {
  static final TestPki PKI = TestPki.INSTANCE;

  @TempDir static Path dir;

  @BeforeAll
  static void writePem() throws IOException {
    TestPki.pem(dir, "ca.pem", PKI.ca.cert());
    for (TestPki.Entity e : List.of(PKI.ecSigner, PKI.rsaSigner, PKI.ecRecipient,
        PKI.rsaRecipient, PKI.thirdParty)) {
      String n = e.name().replace(' ', '-');
      TestPki.pem(dir, n + ".pem", e.cert());
      TestPki.pem(dir, n + ".key", e.key());
    }
  }

  static Path cert(TestPki.Entity e) {
    return dir.resolve(e.name().replace(' ', '-') + ".pem");
  }

  static Path key(TestPki.Entity e) {
    return dir.resolve(e.name().replace(' ', '-') + ".key");
  }

  @Test
  void opensslOpensHotlinekitPackets() throws Exception {
    for (TestPki.Entity signer : List.of(PKI.ecSigner, PKI.rsaSigner)) {
      byte[] packet = PacketTest.writer(signer, PKI.ecRecipient, PKI.rsaRecipient)
          .seal(PacketTest.DOC);
      Path p = Files.write(dir.resolve("packet.p7m"), packet);
      for (TestPki.Entity me : List.of(PKI.ecRecipient, PKI.rsaRecipient)) {
        Path inner = dir.resolve("inner.p7s");
        Path payload = dir.resolve("payload.json");
        Files.deleteIfExists(inner);
        Files.deleteIfExists(payload);
        run("cms", "-decrypt", "-binary", "-inform", "DER", "-in", p.toString(), "-recip",
            cert(me).toString(), "-inkey", key(me).toString(), "-out", inner.toString());
        run("cms", "-verify", "-binary", "-inform", "DER", "-in", inner.toString(), "-CAfile",
            dir.resolve("ca.pem").toString(), "-purpose", "smimesign", "-out",
            payload.toString());
        String printed = run("cms", "-cmsout", "-print", "-inform", "DER", "-in",
            inner.toString());
        assertThat(printed).containsPattern("eContentType: .*"
            + java.util.regex.Pattern.quote(PacketProfile.CONTENT_TYPE));
        String json = Files.readString(payload, StandardCharsets.UTF_8);
        assertThat(json).contains("\"recipientCertSha256\"")
            .contains(PacketWriter.sha256(me.cert())).contains("BE-2026-000123");
      }
    }
  }

  @Test
  void hotlinekitOpensOpensslPackets() throws Exception {
    Path payload = Files.write(dir.resolve("payload-in.json"),
        PacketTest.payload(PKI.ecRecipient, PKI.rsaRecipient));
    for (TestPki.Entity signer : List.of(PKI.ecSigner, PKI.rsaSigner)) {
      Path signed = dir.resolve("signed.der");
      List<String> sign = new ArrayList<>(List.of("cms", "-sign", "-binary", "-nodetach", "-in",
          payload.toString(), "-signer", cert(signer).toString(), "-inkey",
          key(signer).toString(), "-md", "sha256", "-econtent_type", PacketProfile.CONTENT_TYPE,
          "-outform", "DER", "-out", signed.toString()));
      if (signer == PKI.rsaSigner) {
        sign.addAll(List.of("-keyopt", "rsa_padding_mode:pss", "-keyopt", "rsa_pss_saltlen:32"));
      }
      run(sign.toArray(new String[0]));
      Path packet = dir.resolve("openssl.p7m");
      run("cms", "-encrypt", "-binary", "-inform", "DER", "-in", signed.toString(),
          "-aes-256-gcm", "-recip", cert(PKI.ecRecipient).toString(), "-keyopt",
          "ecdh_kdf_md:sha256", "-recip", cert(PKI.rsaRecipient).toString(), "-keyopt",
          "rsa_padding_mode:oaep", "-keyopt", "rsa_oaep_md:sha256", "-outform", "DER", "-out",
          packet.toString());
      byte[] bytes = Files.readAllBytes(packet);
      for (TestPki.Entity me : List.of(PKI.ecRecipient, PKI.rsaRecipient)) {
        OpenedPacket opened = PacketTest.reader(me).open(bytes);
        assertThat(opened.document().reports()).isEqualTo(PacketTest.DOC.reports());
        assertThat(opened.signer()).isEqualTo(signer.cert());
      }
    }
  }

  @Test
  void opensslDefaultsAndCbcAreRefused() throws Exception {
    Path payload = Files.write(dir.resolve("payload-d.json"),
        PacketTest.payload(PKI.ecRecipient, PKI.rsaRecipient));
    Path signed = dir.resolve("signed-d.der");
    run("cms", "-sign", "-binary", "-nodetach", "-in", payload.toString(), "-signer",
        cert(PKI.ecSigner).toString(), "-inkey", key(PKI.ecSigner).toString(), "-md", "sha256",
        "-econtent_type", PacketProfile.CONTENT_TYPE, "-outform", "DER", "-out",
        signed.toString());
    // OpenSSL's defaults: RSA PKCS#1 v1.5 and the SHA-1 KDF.
    Path defaults = dir.resolve("defaults.p7m");
    run("cms", "-encrypt", "-binary", "-inform", "DER", "-in", signed.toString(),
        "-aes-256-gcm", "-recip", cert(PKI.rsaRecipient).toString(), "-outform", "DER", "-out",
        defaults.toString());
    assertThatThrownBy(() -> PacketTest.reader(PKI.rsaRecipient)
        .open(Files.readAllBytes(defaults))).isInstanceOf(UnsupportedInputException.class)
        .hasMessageContaining("PKCS#1 v1.5");
    Path sha1kdf = dir.resolve("sha1kdf.p7m");
    run("cms", "-encrypt", "-binary", "-inform", "DER", "-in", signed.toString(),
        "-aes-256-gcm", "-recip", cert(PKI.ecRecipient).toString(), "-outform", "DER", "-out",
        sha1kdf.toString());
    assertThatThrownBy(() -> PacketTest.reader(PKI.ecRecipient)
        .open(Files.readAllBytes(sha1kdf))).isInstanceOf(UnsupportedInputException.class)
        .hasMessageContaining("SHA-1 KDF");
    // A CBC envelope (EnvelopedData) with the right key management.
    Path cbc = dir.resolve("cbc.p7m");
    run("cms", "-encrypt", "-binary", "-inform", "DER", "-in", signed.toString(),
        "-aes-256-cbc", "-recip", cert(PKI.ecRecipient).toString(), "-keyopt",
        "ecdh_kdf_md:sha256", "-outform", "DER", "-out", cbc.toString());
    assertThatThrownBy(() -> PacketTest.reader(PKI.ecRecipient).open(Files.readAllBytes(cbc)))
        .isInstanceOf(UnsupportedInputException.class).hasMessageContaining("EnvelopedData");
  }

  @Test
  void aPacketForwardedWithOpensslIsRefused() throws Exception {
    byte[] packet = PacketTest.writer(PKI.ecSigner, PKI.ecRecipient).seal(PacketTest.DOC);
    Path p = Files.write(dir.resolve("to-b.p7m"), packet);
    Path inner = dir.resolve("inner-b.p7s");
    run("cms", "-decrypt", "-binary", "-inform", "DER", "-in", p.toString(), "-recip",
        cert(PKI.ecRecipient).toString(), "-inkey", key(PKI.ecRecipient).toString(), "-out",
        inner.toString());
    Path forwarded = dir.resolve("to-c.p7m");
    run("cms", "-encrypt", "-binary", "-inform", "DER", "-in", inner.toString(), "-aes-256-gcm",
        "-recip", cert(PKI.thirdParty).toString(), "-keyopt", "ecdh_kdf_md:sha256", "-outform",
        "DER", "-out", forwarded.toString());
    assertThatThrownBy(() -> PacketTest.reader(PKI.thirdParty)
        .open(Files.readAllBytes(forwarded))).isInstanceOf(NotARecipientException.class)
        .hasMessageContaining("forwarded");
  }

  /** Runs openssl; fails the test with its output unless it exits 0. */
  static String run(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add("openssl");
    cmd.addAll(List.of(args));
    Process p;
    try {
      p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new AssertionError("the openssl command line is needed for these tests (.ci/run"
          + " installs it): " + e.getMessage(), e);
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("openssl timed out: " + cmd);
    }
    assertThat(p.exitValue()).as("%s%n%s", String.join(" ", cmd), out).isZero();
    return out;
  }
}
