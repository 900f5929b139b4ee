package org.hotlinekit.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.hotlinekit.hashing.list.HashList;
import org.hotlinekit.hashing.match.Triage;
import org.hotlinekit.iccam.packet.PacketWriter;
import org.hotlinekit.iccam.packet.SealRefusedException;
import org.hotlinekit.scan.ArchiveLimits;
import org.hotlinekit.scan.Scan;
import org.hotlinekit.scan.ScanItem;
import org.hotlinekit.scan.ScanResult;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.node.ObjectNode;

/** {@code hotlinekit scan}: a folder of media to results, a report and a summary page. */
@Command(
    name = "scan",
    mixinStandardHelpOptions = true,
    header = "Scan media against hash lists into results, a report and a summary page.",
    description = "Hash every file once (MD5, SHA-1, SHA-256, PDQ with rotations and mirror"
        + " images), match it against every list, label known files from their list entries,"
        + " and set the rest aside for an analyst: new (nothing matched), unverified (nothing"
        + " matched but a hash could not be computed: never 'not known'), failed (unreadable)."
        + " Writes a new folder, all or nothing: results.jsonl (a line per file), report.json"
        + " (the exchange format; known items with their list labels, none assessed),"
        + " summary.html (open it in a browser) and, with --seal-to, report.p7m. Stopping the"
        + " scan (Ctrl-C) leaves no folder.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every file is known or new",
      "1:some files could not be read (each reported), or a list or the output folder could"
          + " not be used",
      "2:the command line is wrong",
      "3:no file failed, but some are unverified",
      "10-16:sealing refused (as 'packet seal'); nothing was written",
      "70:an internal error"
    })
final class ScanCommand implements Callable<Integer> {
  @CommandLine.Mixin ListOptions listOptions;

  @Option(names = "--labels", paramLabel = "[LIST=]SCHEME",
      description = "The scheme a list's labels are in, e.g. tc-ics, uk-sentencing,"
          + " iccam-classification (repeatable). LIST is the list's file name; without it, the"
          + " scheme holds for every list not named. NCMEC lists are tc-ics unless told"
          + " otherwise. Labels of a list without a scheme are shown in results.jsonl but not"
          + " put in the report.")
  List<String> labels = new ArrayList<>();

  @Option(names = "--jurisdiction", paramLabel = "CODE",
      description = "The jurisdiction that lists' jurisdiction-dependent labels (ICCAM"
          + " national) hold for, e.g. BE.")
  String jurisdiction;

  @Option(names = "--out", paramLabel = "DIR",
      description = "The folder to create (must not exist, or be empty). Default: the report's"
          + " reference, e.g. scan-20261206T101500Z, in the current folder.")
  Path out;

  @Option(names = "--hotline", paramLabel = "ID",
      description = "The reporting hotline's id in the report, e.g. BE-childfocus (needed to"
          + " seal). Default: local.")
  String hotline;

  @Option(names = "--reference", paramLabel = "REF",
      description = "The report's case reference. Default: scan- and the UTC start time.")
  String reference;

  @Option(names = "--source-url", paramLabel = "URL",
      description = "Where the media were captured from. Ending in /, it is also the base of"
          + " each item's URL (base + the file's path below the scanned folder). Default: items"
          + " are named urn:hotlinekit:file:PATH.")
  String sourceUrl;

  @Option(names = "--time-zone", paramLabel = "ZONE",
      description = "The hotline's time zone for the report, e.g. Europe/Brussels. Default:"
          + " the system's.")
  String timeZone;

  @Option(names = "--seal-to", paramLabel = "CERT",
      description = "Also seal the report for this recipient (repeatable; needs --key, --cert"
          + " and --hotline).")
  List<Path> sealTo = new ArrayList<>();

  @Option(names = "--key", paramLabel = "SIGNER_KEY", description = "The signer's private key.")
  Path key;

  @Option(names = "--cert", paramLabel = "SIGNER_CERT",
      description = "The signer's certificate.")
  Path cert;

  @Option(names = "--chain", paramLabel = "CHAIN", description = "Intermediate certificates.")
  Path chain;

  @Option(names = "--sender", paramLabel = "ID",
      description = "The sender's id in the packet (default: the certificate's subject).")
  String sender;

  @Option(names = "--group", description = "Group the new pictures by near-duplicate PDQ"
      + " hashes (resized, re-encoded, lightly cropped, rotated or mirrored copies) into a review"
      + " queue: largest groups first; a 'group' field in results.jsonl.")
  boolean group;

  @Option(names = "--group-distance", paramLabel = "N",
      description = "PDQ distance that links two pictures in a group, 0..63 (default 31, the"
          + " matching distance; implies --group).")
  Integer groupDistance;

  @Option(names = "--archive-depth", paramLabel = "N",
      description = "How many archives deep to open zip, tar, gzip, bzip2 and xz files (default"
          + " 4; 0: hash archives as files without opening them).")
  Integer archiveDepth;

  @Option(names = "--format", paramLabel = "FORMAT",
      description = "text (default) or json: the summary on stdout.")
  Cli.OutputFormat format = Cli.OutputFormat.text;

  @Option(names = "--progress", negatable = true,
      description = "Progress bar with rate and time left on stderr. Default: on when stderr is"
          + " a terminal.")
  Boolean progress;

  @Parameters(paramLabel = "PATH", arity = "1..*", description = "Folders or files to scan.")
  List<Path> paths;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    Cli.format(spec, format, Cli.OutputFormat.text, Cli.OutputFormat.json);
    CommandLine cl = spec.commandLine();
    PrintWriter err = cl.getErr();
    Optional<PacketWriter> sealer;
    try {
      // A recipient or signer every reader would refuse is refused before anything is scanned.
      sealer = sealer(cl);
    } catch (SealRefusedException e) {
      err.println("hotlinekit: not sealed, nothing scanned or written: " + e.getMessage());
      return PacketCommand.Seal.exitCode(e.reason());
    }
    Scan.Builder b = builder(cl, err);
    Scan scan;
    try {
      scan = b.build();
    } catch (IllegalStateException e) {
      throw new CommandLine.ParameterException(cl, "give at least one --list or --index");
    }
    ScanResult result;
    try (LazyBar bar = this.bar) {
      result = scan.run(paths);
    }
    for (ScanItem it : result.items()) {
      if (it.status() == Triage.Status.FAILED) {
        err.println("hotlinekit: " + it.path() + ": " + it.outcome().reason().orElse(""));
      }
    }
    Path folder = out != null ? out : Path.of(result.reference());
    try {
      if (sealer.isPresent()) {
        result.writeTo(folder, sealer.get());
      } else {
        result.writeTo(folder);
      }
    } catch (SealRefusedException e) {
      err.println("hotlinekit: not sealed, nothing written: " + e.getMessage());
      return PacketCommand.Seal.exitCode(e.reason());
    } catch (IllegalStateException e) {
      // Nothing could be read, so there is no report to seal.
      err.println("hotlinekit: " + e.getMessage() + "; nothing written");
      return HotlinekitCli.EXIT_INPUT_FAILED;
    }
    print(cl.getOut(), result, folder, sealer.isPresent());
    listOptions.saveQuarantine(err);
    return MatchOutput.exitCode(result.count(Triage.Status.FAILED),
        result.count(Triage.Status.UNVERIFIED));
  }

  /** A progress bar drawn once the number of files is known. */
  private static final class LazyBar implements AutoCloseable {
    private final PrintWriter err;
    private final Boolean show;
    private ProgressBar bar;

    LazyBar(PrintWriter err, Boolean show) {
      this.err = err;
      this.show = show;
    }

    void update(int done, int total) {
      if (bar == null) {
        bar = ProgressBar.of(err, show, total, "files");
      }
      bar.step();
    }

    @Override
    public void close() {
      if (bar != null) {
        bar.close();
      }
    }
  }

  private LazyBar bar;

  private Scan.Builder builder(CommandLine cl, PrintWriter err) {
    Scan.Builder b = Scan.builder();
    bar = new LazyBar(err, progress);
    b.progress(bar::update);
    if (listOptions.lists.isEmpty() && listOptions.indexes.isEmpty()) {
      throw new CommandLine.ParameterException(cl, "give at least one --list or --index");
    }
    Map<String, String> perList = new LinkedHashMap<>();
    List<String> unnamed = new ArrayList<>();
    for (String l : labels) {
      int eq = l.lastIndexOf('=');
      if (eq < 0) {
        unnamed.add(l);
      } else {
        perList.put(l.substring(0, eq), l.substring(eq + 1));
      }
    }
    if (unnamed.size() > 1) {
      throw new CommandLine.ParameterException(cl, "--labels without LIST= given twice");
    }
    Optional<String> forAll = unnamed.stream().findFirst();
    try {
      if (jurisdiction != null) {
        b.jurisdiction(jurisdiction);
      }
      if (listOptions.maxDistance != null) {
        b.maxDistance(listOptions.maxDistance);
      }
      if (listOptions.threads < 1) {
        throw new IllegalArgumentException("--threads must be at least 1");
      }
      b.threads(listOptions.threads);
      if (hotline != null) {
        b.reportingHotline(hotline);
      }
      if (reference != null) {
        b.reference(reference);
      }
      if (sourceUrl != null) {
        b.sourceUrl(sourceUrl);
      }
      if (group || groupDistance != null) {
        b.group(groupDistance != null ? groupDistance : 31);
      }
      listOptions.verdicts(cl, b::video, b::disputes, b::floodGuard);
      if (archiveDepth != null) {
        if (archiveDepth < 0) {
          throw new IllegalArgumentException("--archive-depth must be 0 or more");
        }
        ArchiveLimits d = ArchiveLimits.defaults();
        b.archives(archiveDepth == 0 ? ArchiveLimits.none()
            : new ArchiveLimits(archiveDepth, d.maxEntries(), d.maxExpandedBytes(), d.maxRatio()));
      }
      if (timeZone != null) {
        try {
          b.timeZone(ZoneId.of(timeZone));
        } catch (DateTimeException e) {
          throw new IllegalArgumentException("--time-zone: " + e.getMessage(), e);
        }
      }
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(cl, e.getMessage());
    }
    if (listOptions.allowEmpty) {
      b.allowEmptyLists();
    }
    List<String> named = new ArrayList<>();
    for (Path p : listOptions.lists) {
      String name = p.getFileName().toString();
      Optional<String> scheme = Optional.ofNullable(perList.get(name));
      if (scheme.isPresent()) {
        named.add(name);
      }
      HashList list = Lists.load(p, listOptions.listFormat, "--list-format", listOptions.strict,
          listOptions.allowEmpty, err, Cli.verbose(spec));
      Optional<String> byFormat = Scan.labelSchemeOf(Lists.format(p, listOptions.listFormat,
          "--list-format"));
      Optional<String> chosen = scheme.or(() -> forAll).or(() -> byFormat);
      add(cl, b, list, chosen);
    }
    for (Path p : listOptions.indexes) {
      String name = p.getFileName().toString();
      Optional<String> scheme = Optional.ofNullable(perList.get(name));
      if (scheme.isPresent()) {
        named.add(name);
      }
      try {
        Optional<String> chosen = scheme.or(() -> forAll);
        if (chosen.isPresent()) {
          b.index(p, chosen.get());
        } else {
          b.index(p);
        }
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(cl, "--labels: " + e.getMessage());
      }
    }
    for (String name : perList.keySet()) {
      if (!named.contains(name)) {
        throw new CommandLine.ParameterException(cl, "--labels " + name + "=...: no --list or"
            + " --index is named " + name);
      }
    }
    return b;
  }

  private static void add(CommandLine cl, Scan.Builder b, HashList list,
      Optional<String> scheme) {
    try {
      if (scheme.isPresent()) {
        b.list(list, scheme.get());
      } else {
        b.list(list);
      }
    } catch (IllegalArgumentException e) {
      String m = e.getMessage();
      throw new CommandLine.ParameterException(cl, m.startsWith("unknown label scheme")
          ? "--labels: " + m : m + " (lists are named after their files; rename one)");
    }
  }

  private Optional<PacketWriter> sealer(CommandLine cl) {
    if (sealTo.isEmpty()) {
      if (key != null || cert != null || chain != null || sender != null) {
        throw new CommandLine.ParameterException(cl, "--key, --cert, --chain and --sender are"
            + " for sealing: give --seal-to too");
      }
      return Optional.empty();
    }
    if (key == null || cert == null) {
      throw new CommandLine.ParameterException(cl, "--seal-to needs --key and --cert (the"
          + " signer's)");
    }
    if (hotline == null) {
      throw new CommandLine.ParameterException(cl, "--seal-to needs --hotline: a sealed report"
          + " names its reporting hotline");
    }
    return Optional.of(PacketCommand.writer(cl, key, cert, chain, sender, sealTo));
  }

  private void print(PrintWriter o, ScanResult r, Path folder, boolean sealed) {
    Map<String, Integer> perLabel = r.labelCounts();
    double seconds = Math.max(r.elapsed().toNanos() / 1e9, 1e-9);
    List<String> files = new ArrayList<>(List.of(ScanResult.RESULTS));
    if (r.report().isPresent()) {
      files.add(ScanResult.REPORT);
    }
    files.add(ScanResult.SUMMARY);
    if (sealed) {
      files.add(ScanResult.PACKET);
    }
    if (format == Cli.OutputFormat.json) {
      ObjectNode n = Cli.json().createObjectNode();
      n.put("out", folder.toString());
      n.put("reference", r.reference());
      n.put("files", r.items().size());
      for (Triage.Status s : Triage.Status.values()) {
        n.put(Cli.lower(s), r.count(s));
      }
      n.put("seconds", Math.round(seconds * 1000) / 1000.0);
      n.put("archives", r.archiveCount());
      n.put("copies", r.copyCount());
      if (group || groupDistance != null) {
        n.put("groups", r.groups().size());
      }
      ObjectNode l = n.putObject("labels");
      perLabel.forEach(l::put);
      n.putArray("written").addAll(files.stream()
          .map(f -> Cli.json().getNodeFactory().stringNode(f)).toList());
      o.println(Cli.json().writeValueAsString(n));
    } else {
      o.printf(java.util.Locale.ROOT, "scanned %d file%s in %.1f s (%.1f files/s): %d known, %d"
          + " new, %d unverified, %d failed%n", r.items().size(),
          r.items().size() == 1 ? "" : "s", seconds,
          r.items().size() / seconds, r.count(Triage.Status.KNOWN), r.count(Triage.Status.NEW),
          r.count(Triage.Status.UNVERIFIED), r.count(Triage.Status.FAILED));
      int archives = r.archiveCount();
      int copies = r.copyCount();
      if (archives > 0 || copies > 0) {
        o.printf("%d archives opened (their entries counted as files), %d exact copies%n",
            archives, copies);
      }
      if (group || groupDistance != null) {
        o.printf("%d new pictures in %d groups for review (largest first: %s)%n",
            r.groups().stream().mapToInt(g -> g.size()).sum(), r.groups().size(),
            r.groups().isEmpty() ? "none"
                : r.groups().get(0).size() + " files, " + r.groups().get(0).representative());
      }
      if (!perLabel.isEmpty()) {
        List<String> parts = new ArrayList<>();
        perLabel.forEach((k, v) -> parts.add(k + " " + v));
        o.println("labels of known files: " + String.join(", ", parts));
      }
      o.println("wrote " + folder + "/: " + String.join(", ", files));
      o.println("summary: " + folder.resolve(ScanResult.SUMMARY).toAbsolutePath().toUri());
    }
    o.flush();
  }
}
