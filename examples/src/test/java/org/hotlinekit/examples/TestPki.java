package org.hotlinekit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A test PKI made by the openssl command line in a folder: {@code ca} and {@code other} (two CAs),
 * and certificates issued by {@code ca}: {@code signer} (digital signature), {@code recipient}
 * and {@code stranger} (key agreement), each as {@code NAME.key} and {@code NAME.pem}, EC P-256.
 */
public final class TestPki {
  private final Path dir;

  private TestPki(Path dir) {
    this.dir = dir;
  }

  /**
   * Makes the PKI.
   *
   * @param dir an empty folder
   * @return the PKI
   * @throws Exception if openssl fails
   */
  public static TestPki create(Path dir) throws Exception {
    TestPki pki = new TestPki(dir);
    pki.ca("ca", "Example Test CA");
    pki.ca("other", "Other Test CA");
    pki.issue("signer", "Example Hotline Signer", "digitalSignature");
    pki.issue("recipient", "Partner Hotline", "keyAgreement");
    pki.issue("stranger", "Someone Else", "keyAgreement");
    return pki;
  }

  /**
   * A file of the PKI.
   *
   * @param name e.g. {@code "signer.key"}
   * @return its path
   */
  public Path path(String name) {
    return dir.resolve(name);
  }

  private void ca(String name, String cn) throws Exception {
    openssl("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
        "-keyout", name + ".key", "-out", name + ".pem", "-subj", "/CN=" + cn, "-days", "30",
        "-addext", "basicConstraints=critical,CA:TRUE",
        "-addext", "keyUsage=critical,keyCertSign,cRLSign");
  }

  private void issue(String name, String cn, String usage) throws Exception {
    openssl("req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout",
        name + ".key", "-out", name + ".csr", "-subj", "/CN=" + cn);
    Files.writeString(dir.resolve(name + ".ext"), "basicConstraints=critical,CA:FALSE\n"
        + "keyUsage=critical," + usage + "\n");
    openssl("x509", "-req", "-in", name + ".csr", "-CA", "ca.pem", "-CAkey", "ca.key",
        "-CAcreateserial", "-out", name + ".pem", "-days", "30", "-extfile", name + ".ext");
  }

  private void openssl(String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("openssl"));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("%s%n%s", cmd, out).isZero();
  }
}
