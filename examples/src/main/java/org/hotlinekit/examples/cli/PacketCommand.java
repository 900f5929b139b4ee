package org.hotlinekit.examples.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.PrintWriter;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.hotlinekit.core.HotlinekitException;
import org.hotlinekit.core.LimitExceededException;
import org.hotlinekit.core.MalformedInputException;
import org.hotlinekit.core.UnsupportedInputException;
import org.hotlinekit.iccam.packet.NotARecipientException;
import org.hotlinekit.iccam.packet.VerifiedPacket;
import org.hotlinekit.iccam.packet.SealedPacketFile;
import org.hotlinekit.iccam.packet.PacketReader;
import org.hotlinekit.iccam.packet.PacketWriter;
import org.hotlinekit.iccam.packet.Pem;
import org.hotlinekit.iccam.packet.SignerIdentity;
import org.hotlinekit.iccam.packet.ReplayException;
import org.hotlinekit.iccam.packet.ReplayGuard;
import org.hotlinekit.iccam.packet.SealRefusedException;
import org.hotlinekit.iccam.packet.TamperedException;
import org.hotlinekit.iccam.packet.UntrustedSignerException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.node.ObjectNode;

/** {@code hotlinekit packet}: seal report documents for recipients, open packets. */
@Command(
    name = "packet",
    mixinStandardHelpOptions = true,
    header = "Seal report documents into signed, encrypted packets; open packets.",
    description = "Signed and encrypted exchange packets (CMS; openssl cms opens them).",
    subcommands = {PacketCommand.Seal.class, PacketCommand.Open.class})
final class PacketCommand implements Runnable {
  /** Exit code: the packet is not well-formed. */
  static final int EXIT_MALFORMED = 3;
  /** Exit code: a version, structure or algorithm the profile refuses. */
  static final int EXIT_UNSUPPORTED = 4;
  /** Exit code: not for this reader (no entry for it, wrong key, or forwarded). */
  static final int EXIT_NOT_A_RECIPIENT = 5;
  /** Exit code: the tag or the signature does not verify. */
  static final int EXIT_TAMPERED = 6;
  /** Exit code: the signer is not trusted. */
  static final int EXIT_UNTRUSTED = 7;
  /** Exit code: the packet is over the size limit. */
  static final int EXIT_TOO_LARGE = 8;
  /** Exit code: signed outside the time window (older than --max-age-days, or in the future). */
  static final int EXIT_NOT_FRESH = 9;
  /** Exit codes of {@code packet seal} refusals, from 10, in the order of their reasons. */
  static final int EXIT_SEAL_REFUSED_FIRST = 10;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "name a subcommand: seal or open");
  }

  /**
   * The packet writer for a signer's key and certificate (with its chain) and the recipients'
   * certificates; the sender's id defaults to the certificate's subject. A key or certificate
   * the profile does not allow is a command-line error.
   */
  static PacketWriter writer(CommandLine commandLine, Path key, Path cert, Path chain,
      String sender, List<Path> to) {
    X509Certificate signerCert = Pem.certificate(cert);
    SignerIdentity signer;
    try {
      signer = SignerIdentity.of(Pem.privateKey(key), signerCert,
          chain == null ? List.of() : Pem.certificates(chain));
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(commandLine, e.getMessage());
    }
    PacketWriter.Builder b = PacketWriter.builder().signer(signer).sender(sender != null
        ? sender : signerCert.getSubjectX500Principal().getName());
    for (Path p : to) {
      try {
        b.recipient(Pem.certificate(p));
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(commandLine, p + ": " + e.getMessage());
      }
    }
    return b.build();
  }

  /** {@code packet seal}. */
  @Command(name = "seal", mixinStandardHelpOptions = true,
      header = "Sign a report document and encrypt it to its recipients.",
      description = "Validate a report document, sign it and encrypt it to the recipients. The"
          + " packet is written atomically to --out; what was sealed is printed on stdout. What"
          + " every recipient would refuse is refused here, before anything is written.",
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {
        "0:sealed",
        "1:a file could not be read, or the document is invalid",
        "2:the command line is wrong (or a key type the profile does not allow)",
        "10:the private key does not belong to the signer's certificate",
        "11:the signer's certificate is not valid now",
        "12:the signer's certificate may not sign (key usage, or extended key usage without"
            + " emailProtection)",
        "13:a recipient's certificate is not valid now",
        "14:a recipient's certificate is a CA's, or may not be used for key agreement or"
            + " encipherment",
        "15:the same recipient is given twice",
        "16:the packet would be larger than the readers' limit (64 MiB)",
        "70:an internal error"
      })
  static final class Seal implements Callable<Integer> {
    @Option(names = "--format", paramLabel = "FORMAT",
        description = "text (default) or json: the summary on stdout.")
    Cli.OutputFormat format = Cli.OutputFormat.text;

    @Option(names = "--in", required = true, paramLabel = "REPORTS",
        description = "The report document.")
    Path in;

    @Option(names = "--to", required = true, paramLabel = "CERT",
        description = "A recipient certificate, EC P-256 or RSA >= 3072 (repeatable).")
    List<Path> to;

    @Option(names = "--key", required = true, paramLabel = "SIGNER_KEY",
        description = "The signer's private key (PEM, not encrypted).")
    Path key;

    @Option(names = "--cert", required = true, paramLabel = "SIGNER_CERT",
        description = "The signer's certificate.")
    Path cert;

    @Option(names = "--chain", paramLabel = "CHAIN",
        description = "Intermediate certificates to include.")
    Path chain;

    @Option(names = "--sender", paramLabel = "ID", description = "The sender's id in the packet"
        + " header (default: the signer certificate's subject).")
    String sender;

    @Option(names = "--out", required = true, paramLabel = "PACKET",
        description = "Where to write the packet (BER; openssl cms -inform DER reads it).")
    Path out;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      Cli.format(spec, format, Cli.OutputFormat.text, Cli.OutputFormat.json);
      try {
        return seal();
      } catch (SealRefusedException e) {
        spec.commandLine().getErr().println("hotlinekit: not sealed: " + e.getMessage());
        return exitCode(e.reason());
      }
    }

    static int exitCode(SealRefusedException.Reason reason) {
      return EXIT_SEAL_REFUSED_FIRST + reason.ordinal();
    }

    private int seal() {
      // From file to file: the document and the packet are never held whole.
      SealedPacketFile sealed = writer(spec.commandLine(), key, cert, chain, sender, to)
          .seal(in, out);
      PrintWriter stdout = spec.commandLine().getOut();
      if (format == Cli.OutputFormat.json) {
        ObjectNode n = Cli.json().createObjectNode();
        n.put("packet", out.toString());
        n.put("bytes", sealed.bytes());
        n.put("reports", sealed.reports());
        n.put("recipients", to.size());
        stdout.println(Cli.json().writeValueAsString(n));
      } else {
        stdout.println("sealed " + sealed.reports() + " reports for " + to.size()
            + " recipients into " + out + " (" + sealed.bytes() + " bytes)");
      }
      stdout.flush();
      return 0;
    }
  }

  /** {@code packet open}. */
  @Command(name = "open", mixinStandardHelpOptions = true,
      header = "Decrypt and verify a packet.",
      description = "Decrypt and verify a packet, then print who signed it and when on stdout."
          + " Nothing is written unless everything verified.",
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {
        "0:verified",
        "1:a file could not be read",
        "2:the command line is wrong",
        "3:malformed",
        "4:unsupported version, structure or algorithm",
        "5:not a recipient (no entry, wrong key, or forwarded)",
        "6:tampered (tag or signature)",
        "7:untrusted signer",
        "8:over the size limit",
        "9:signed outside the time window (older than --max-age-days, or in the future), or"
            + " opened before (see --replay-db)",
        "70:an internal error"
      })
  static final class Open implements Callable<Integer> {
    @Option(names = "--format", paramLabel = "FORMAT",
        description = "text (default) or json: the summary on stdout.")
    Cli.OutputFormat format = Cli.OutputFormat.text;

    @Option(names = "--in", required = true, paramLabel = "PACKET", description = "The packet.")
    Path in;

    @Option(names = "--key", required = true, paramLabel = "MY_KEY",
        description = "This reader's private key.")
    Path key;

    @Option(names = "--cert", required = true, paramLabel = "MY_CERT",
        description = "This reader's certificate.")
    Path cert;

    @Option(names = "--trust", required = true, paramLabel = "CA_CERT",
        description = "Trust anchors for signers (repeatable; a file may hold several).")
    List<Path> trust;

    @Option(names = "--crl", paramLabel = "CRL",
        description = "CRLs (repeatable); with any, revocation is checked.")
    List<Path> crls = new ArrayList<>();

    @Option(names = "--out", paramLabel = "REPORTS",
        description = "Where to write the verified document (the exact signed JSON).")
    Path out;

    @Option(names = "--max-age-days", paramLabel = "DAYS", defaultValue = "30",
        description = "Refuse packets signed longer ago than this (default ${DEFAULT-VALUE}).")
    int maxAgeDays;

    @Option(names = "--replay-db", paramLabel = "FILE",
        description = "Where the ids of opened packets are kept, so that a packet opened before"
            + " is refused (exit 9), across runs and processes. Default: $HOTLINEKIT_REPLAY_DB,"
            + " else $XDG_STATE_HOME/hotlinekit/opened-packets (~/.local/state/...).")
    Path replayDb;

    @Option(names = "--no-replay-check",
        description = "Do not refuse packets opened before (an audit of archived packets).")
    boolean noReplayCheck;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      Cli.format(spec, format, Cli.OutputFormat.text, Cli.OutputFormat.json);
      if (maxAgeDays < 1) {
        throw new CommandLine.ParameterException(spec.commandLine(),
            "--max-age-days must be at least 1");
      }
      if (noReplayCheck && replayDb != null) {
        throw new CommandLine.ParameterException(spec.commandLine(),
            "--replay-db and --no-replay-check exclude each other");
      }
      PacketReader.Builder b = PacketReader.builder().recipient(Pem.privateKey(key),
          Pem.certificate(cert)).maxAge(java.time.Duration.ofDays(maxAgeDays))
          .replayGuard(noReplayCheck ? ReplayGuard.none() : ReplayGuard.file(replayDb()));
      for (Path t : trust) {
        Pem.certificates(t).forEach(b::trustAnchor);
      }
      for (Path c : crls) {
        Pem.crls(c).forEach(b::crl);
      }
      PacketReader reader = b.build();
      VerifiedPacket p;
      try {
        // The packet and the document are never held whole.
        p = out != null ? reader.open(in, out) : reader.verify(in);
      } catch (HotlinekitException e) {
        spec.commandLine().getErr().println("hotlinekit: " + in + ": " + Cli.describe(e));
        if (Cli.verbose(spec)) {
          e.printStackTrace(spec.commandLine().getErr());
        }
        return exitCode(e);
      }
      PrintWriter stdout = spec.commandLine().getOut();
      String signer = p.signer().getSubjectX500Principal().getName();
      if (format == Cli.OutputFormat.json) {
        ObjectNode n = Cli.json().createObjectNode();
        n.put("verified", true);
        n.put("reports", p.reports());
        n.put("signer", signer);
        n.put("signedAt", p.signingTime().toString());
        n.put("packetId", p.header().packetId().toString());
        if (out != null) {
          n.put("document", out.toString());
        }
        stdout.println(Cli.json().writeValueAsString(n));
      } else {
        stdout.println("verified: " + p.reports() + " reports from " + signer + ", signed "
            + p.signingTime() + ", packet " + p.header().packetId()
            + (out != null ? "; document written to " + out : ""));
      }
      stdout.flush();
      return 0;
    }

    /** The replay record file: the option, the environment, or the XDG state folder. */
    private Path replayDb() throws IOException {
      Path db = replayDb;
      if (db == null) {
        String env = System.getenv("HOTLINEKIT_REPLAY_DB");
        String state = System.getenv("XDG_STATE_HOME");
        db = env != null && !env.isBlank() ? Path.of(env)
            : (state != null && !state.isBlank() ? Path.of(state)
                : Path.of(System.getProperty("user.home"), ".local", "state"))
                .resolve("hotlinekit").resolve("opened-packets");
      }
      Path parent = db.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      return db;
    }

    static int exitCode(HotlinekitException e) {
      if (e instanceof LimitExceededException) {
        return EXIT_TOO_LARGE;
      }
      if (e instanceof NotARecipientException) {
        return EXIT_NOT_A_RECIPIENT;
      }
      if (e instanceof TamperedException) {
        return EXIT_TAMPERED;
      }
      if (e instanceof UntrustedSignerException) {
        return EXIT_UNTRUSTED;
      }
      if (e instanceof ReplayException) {
        return EXIT_NOT_FRESH;
      }
      if (e instanceof UnsupportedInputException) {
        return EXIT_UNSUPPORTED;
      }
      if (e instanceof MalformedInputException) {
        return EXIT_MALFORMED;
      }
      return HotlinekitCli.EXIT_INPUT_FAILED;
    }
  }
}
