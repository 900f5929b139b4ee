package org.hotlinekit.examples.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.hotlinekit.core.HotlinekitException;
import org.hotlinekit.core.io.AtomicFiles;
import org.hotlinekit.iccam.json.ReportFormatException;
import org.hotlinekit.iccam.json.ReportJson;
import org.hotlinekit.iccam.model.Report;
import org.hotlinekit.iccam.ncmec.CyberTiplineExport;
import org.hotlinekit.iccam.stats.Durations;
import org.hotlinekit.iccam.stats.KpiReport;
import org.hotlinekit.iccam.stats.Kpis;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** {@code hotlinekit report}: validate report documents, export to NCMEC, compute statistics. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    header = "Validate report documents, export them to NCMEC, compute statistics.",
    description = "Work with hotlinekit report documents (format hotlinekit-reports, version 1).",
    subcommands = {ReportCommand.Validate.class, ReportCommand.Ncmec.class,
        ReportCommand.Stats.class})
final class ReportCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(),
        "name a subcommand: validate, ncmec or stats");
  }

  /** {@code report validate FILE...}. */
  @Command(name = "validate", mixinStandardHelpOptions = true,
      header = "Check report documents.",
      description = "Check report documents. Prints on stdout, for every file, that it is valid or"
          + " file:line:column: reason for every problem; exit code 0 only if every document is"
          + " valid. Besides the format, each assessment's classification is checked against the"
          + " one its facts derive (bundled jurisdiction profiles), and facts that contradict"
          + " themselves are problems.")
  static final class Validate implements Callable<Integer> {
    @Option(names = "--format", paramLabel = "FORMAT",
        description = "text (default): a line per file or problem; jsonl: an object per file.")
    Cli.OutputFormat format = Cli.OutputFormat.text;

    @Option(names = "--ignore-unknown-fields",
        description = "Skip (and list) unknown members instead of refusing the document.")
    boolean ignoreUnknown;

    @Option(names = "--schema-only",
        description = "Check only against the published JSON Schema: what another system that"
            + " validates with the schema sees. The reader's rules the schema cannot express"
            + " (uniqueness, workflow, facts) are not checked; a document valid here may still be"
            + " refused by the full validation.")
    boolean schemaOnly;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Report documents.")
    List<Path> files;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      Cli.format(spec, format, Cli.OutputFormat.text, Cli.OutputFormat.jsonl);
      if (schemaOnly) {
        if (ignoreUnknown) {
          throw new CommandLine.ParameterException(spec.commandLine(),
              "--schema-only and --ignore-unknown-fields do not go together");
        }
        return schemaOnly();
      }
      ReportJson json = ignoreUnknown ? ReportJson.builder().ignoreUnknownFields().build()
          : ReportJson.strict();
      PrintWriter out = spec.commandLine().getOut();
      org.hotlinekit.categorisation.Categoriser categoriser =
          org.hotlinekit.categorisation.Categoriser.builder().build();
      boolean allValid = true;
      for (Path f : files) {
        List<String> problems = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        int reports = 0;
        try {
          // One report at a time, whatever the document's size. A stored classification its
          // facts do not derive (or facts that contradict themselves) is a document no receiving
          // hotline can act on; those findings count only for a document valid otherwise.
          List<String> facts = new ArrayList<>();
          ReportJson.Summary r = json.check(f, report -> org.hotlinekit.iccam.model.FactsCheck
              .check(List.of(report), categoriser).forEach(x -> facts.add(f + ": " + x)));
          r.ignored().forEach(p -> skipped.add(p.toString()));
          reports = r.reports();
          problems.addAll(facts);
        } catch (ReportFormatException e) {
          e.problems().forEach(p -> problems.add(p.toString()));
        } catch (HotlinekitException e) {
          problems.add(e.getMessage().startsWith(f.toString()) ? e.getMessage()
              : f + ": " + e.getMessage());
        }
        allValid &= problems.isEmpty();
        if (format == Cli.OutputFormat.jsonl) {
          ObjectNode n = Cli.json().createObjectNode();
          n.put("file", f.toString());
          n.put("valid", problems.isEmpty());
          if (problems.isEmpty()) {
            n.put("reports", reports);
          }
          problems.forEach(n.putArray("problems")::add);
          skipped.forEach(n.putArray("skipped")::add);
          out.println(Cli.json().writeValueAsString(n));
        } else {
          skipped.forEach(p -> out.println(p + " (skipped)"));
          problems.forEach(out::println);
          if (problems.isEmpty()) {
            out.println(f + ": valid (" + reports + " reports)");
          }
        }
      }
      out.flush();
      return allValid ? 0 : HotlinekitCli.EXIT_INPUT_FAILED;
    }

    private Integer schemaOnly() {
      com.networknt.schema.Schema schema;
      try (java.io.InputStream in = ReportJson.class.getResourceAsStream(
          ReportJson.SCHEMA_RESOURCE)) {
        schema = com.networknt.schema.SchemaRegistry.withDefaultDialect(
            com.networknt.schema.SpecificationVersion.DRAFT_2020_12).getSchema(in);
      } catch (java.io.IOException e) {
        throw new IllegalStateException("the bundled schema is unreadable", e);
      }
      PrintWriter out = spec.commandLine().getOut();
      boolean allValid = true;
      for (Path f : files) {
        List<String> problems = new ArrayList<>();
        try {
          byte[] bytes;
          try {
            // The reader's limit: a document over it is refused before it is read.
            if (Files.size(f) > 64L << 20) {
              throw new org.hotlinekit.core.LimitExceededException(f + ": a document of "
                  + Files.size(f) + " bytes is over the limit of " + (64L << 20));
            }
            bytes = Files.readAllBytes(f);
          } catch (java.io.IOException e) {
            throw org.hotlinekit.core.InputReadException.of(f, e);
          }
          tools.jackson.databind.JsonNode doc = Cli.json().readTree(bytes);
          for (com.networknt.schema.Error e : schema.validate(doc)) {
            problems.add(f + ": " + e.getInstanceLocation() + ": " + e.getMessage());
          }
        } catch (tools.jackson.core.JacksonException e) {
          problems.add(f + ": not JSON: " + e.getOriginalMessage());
        } catch (HotlinekitException e) {
          problems.add(e.getMessage().startsWith(f.toString()) ? e.getMessage()
              : f + ": " + e.getMessage());
        }
        allValid &= problems.isEmpty();
        if (format == Cli.OutputFormat.jsonl) {
          ObjectNode n = Cli.json().createObjectNode();
          n.put("file", f.toString());
          n.put("validAgainstSchema", problems.isEmpty());
          problems.forEach(n.putArray("problems")::add);
          out.println(Cli.json().writeValueAsString(n));
        } else {
          problems.forEach(out::println);
          if (problems.isEmpty()) {
            out.println(f + ": valid against the JSON Schema (the reader's own rules not"
                + " checked)");
          }
        }
      }
      out.flush();
      return allValid ? 0 : HotlinekitCli.EXIT_INPUT_FAILED;
    }
  }

  /** {@code report ncmec FILE}. */
  @Command(name = "ncmec", mixinStandardHelpOptions = true,
      header = "Export reports as NCMEC CyberTipline XML.",
      description = "Export reports as CyberTipline XML. With --reporter-email: NCMEC's own"
          + " <report> documents, validated against NCMEC's CyberTipline Reporting API schema, and"
          + " (with --ncmec-report-id and --file-id, once NCMEC answered) the <fileDetails>"
          + " documents; without it: hotlinekit's wrapper of a report and its files, validated"
          + " against hotlinekit's own XSD. One report goes to stdout; with several, name one with"
          + " --report or write all with --out-dir.")
  static final class Ncmec implements Callable<Integer> {
    @Option(names = "--format", paramLabel = "FORMAT",
        description = "xml (the default and only format: NCMEC's).")
    Cli.OutputFormat format = Cli.OutputFormat.xml;

    @Option(names = "--report", paramLabel = "REFERENCE", description = "The report to export.")
    String reference;

    @Option(names = "--out-dir", paramLabel = "DIR",
        description = "Write REFERENCE.xml for every report into DIR.")
    Path outDir;

    @Option(names = "--reporter-email", paramLabel = "ADDRESS",
        description = "Write NCMEC's own <report> documents (the CyberTipline Reporting API's"
            + " schema) with this reporting person; without it, hotlinekit's wrapper of report"
            + " and files.")
    String reporterEmail;

    @Option(names = "--reporter-first-name", paramLabel = "NAME",
        description = "The reporting person's first name (NCMEC documents).")
    String reporterFirstName;

    @Option(names = "--reporter-last-name", paramLabel = "NAME",
        description = "The reporting person's last name (NCMEC documents).")
    String reporterLastName;

    @Option(names = "--lea-agency", paramLabel = "NAME",
        description = "The law-enforcement agency the hotline reports to: required by NCMEC for a"
            + " report that was reported to law enforcement.")
    String leaAgency;

    @Option(names = "--ncmec-report-id", paramLabel = "ID",
        description = "NCMEC's id of the submitted report: with --file-id and --out-dir, also write"
            + " the <fileDetails> documents.")
    Long ncmecReportId;

    @Option(names = "--file-id", paramLabel = "ITEM=ID",
        description = "NCMEC's id of an uploaded file, by item id (repeatable).")
    Map<String, String> fileIds = new java.util.LinkedHashMap<>();

    @Parameters(paramLabel = "FILE", description = "A report document.")
    Path file;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws java.io.IOException {
      Cli.format(spec, format, Cli.OutputFormat.xml);
      List<Report> reports = ReportJson.strict().read(file).document().reports();
      if (reference != null) {
        reports = reports.stream().filter(r -> r.reference().equals(reference)).toList();
        if (reports.isEmpty()) {
          throw new CommandLine.ParameterException(spec.commandLine(),
              "no report '" + reference + "' in " + file);
        }
      }
      Optional<CyberTiplineExport.Reporter> reporter = reporter();
      if ((ncmecReportId != null || !fileIds.isEmpty()) && (reporter.isEmpty() || outDir == null
          || ncmecReportId == null || fileIds.isEmpty() || reports.size() != 1)) {
        throw new CommandLine.ParameterException(spec.commandLine(), "<fileDetails> documents"
            + " need --reporter-email, --out-dir, one report (--report), --ncmec-report-id and"
            + " at least one --file-id ITEM=ID");
      }
      Map<Report, String> xml = new java.util.LinkedHashMap<>();
      Map<Report, CyberTiplineExport.Submission> submissions = new java.util.LinkedHashMap<>();
      for (Report r : reports) {
        if (reporter.isPresent()) {
          try {
            CyberTiplineExport.Submission s = CyberTiplineExport.submission(r, reporter.get());
            submissions.put(r, s);
            xml.put(r, s.report());
          } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage()
                + (e.getMessage().contains("agency") ? ": give --lea-agency" : ""));
          }
        } else {
          xml.put(r, CyberTiplineExport.export(r));
        }
      }
      if (outDir != null) {
        Files.createDirectories(outDir);
        Map<Report, String> names = fileNames(reports, spec.commandLine().getErr());
        for (Report r : reports) {
          Path target = outDir.resolve(names.get(r));
          AtomicFiles.write(target, xml.get(r).getBytes(StandardCharsets.UTF_8));
          spec.commandLine().getErr().println("hotlinekit: wrote " + target);
        }
        if (ncmecReportId != null) {
          Report r = reports.get(0);
          Map<String, CyberTiplineExport.FileDocument> byItem = new java.util.LinkedHashMap<>();
          submissions.get(r).files().forEach(f -> byItem.put(f.itemId(), f));
          for (Map.Entry<String, String> e : fileIds.entrySet()) {
            CyberTiplineExport.FileDocument f = byItem.get(e.getKey());
            if (f == null) {
              throw new CommandLine.ParameterException(spec.commandLine(), "--file-id: report "
                  + r.reference() + " has no reported file with item id '" + e.getKey()
                  + "' (reported files: " + String.join(", ", byItem.keySet()) + ")");
            }
            Path target = outDir.resolve(names.get(r).replaceAll("\\.xml$", "") + "-file-"
                + e.getKey().replaceAll("[^A-Za-z0-9._-]", "_") + ".xml");
            AtomicFiles.write(target, f.xml(ncmecReportId, e.getValue())
                .getBytes(StandardCharsets.UTF_8));
            spec.commandLine().getErr().println("hotlinekit: wrote " + target);
          }
        }
        return 0;
      }
      if (reports.size() != 1) {
        throw new CommandLine.ParameterException(spec.commandLine(), file + " holds "
            + reports.size() + " reports: name one with --report or use --out-dir");
      }
      PrintWriter out = spec.commandLine().getOut();
      out.print(xml.get(reports.get(0)));
      out.flush();
      return 0;
    }

    private Optional<CyberTiplineExport.Reporter> reporter() {
      if (reporterEmail == null) {
        if (reporterFirstName != null || reporterLastName != null || leaAgency != null) {
          throw new CommandLine.ParameterException(spec.commandLine(),
              "the reporter's names and --lea-agency go with --reporter-email (NCMEC documents)");
        }
        return Optional.empty();
      }
      try {
        return Optional.of(new CyberTiplineExport.Reporter(reporterEmail,
            Optional.ofNullable(reporterFirstName), Optional.ofNullable(reporterLastName),
            Optional.ofNullable(leaAgency)));
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
      }
    }
  }

  /**
   * A file name per report, from its reference with unsafe characters replaced. References that
   * would share a name (also on a case-insensitive file system: {@code BE/2026} and {@code
   * be_2026}) each get a suffix from the SHA-256 of the reference, and the user is told, so that
   * no export overwrites another.
   */
  static Map<Report, String> fileNames(List<Report> reports, PrintWriter err) {
    Map<String, List<Report>> byName = new java.util.LinkedHashMap<>();
    for (Report r : reports) {
      String base = r.reference().replaceAll("[^A-Za-z0-9._-]", "_");
      byName.computeIfAbsent(base.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(r);
    }
    Map<Report, String> names = new java.util.IdentityHashMap<>();
    for (List<Report> group : byName.values()) {
      for (Report r : group) {
        String base = r.reference().replaceAll("[^A-Za-z0-9._-]", "_");
        if (group.size() == 1) {
          names.put(r, base + ".xml");
        } else {
          String suffix = org.hotlinekit.hashing.digest.Digester.of(
              org.hotlinekit.core.digest.DigestAlgorithm.SHA256)
              .digest(r.reference().getBytes(StandardCharsets.UTF_8))
              .get(org.hotlinekit.core.digest.DigestAlgorithm.SHA256).orElseThrow().toString()
              .substring(0, 12);
          names.put(r, base + "-" + suffix + ".xml");
        }
      }
      if (group.size() > 1) {
        err.println("hotlinekit: " + group.size() + " report references map to the file name "
            + names.get(group.get(0)).replaceAll("-[0-9a-f]{12}\\.xml$", ".xml")
            + "; each file name got a suffix from its reference's SHA-256");
      }
    }
    return names;
  }

  /** {@code report stats FILE...}. */
  @Command(name = "stats", mixinStandardHelpOptions = true,
      header = "INHOPE-style statistics over report documents.",
      description = "INHOPE-style statistics over the reports of one or more documents, on stdout.")
  static final class Stats implements Callable<Integer> {
    @Option(names = "--format", paramLabel = "FORMAT", description = "text (default) or json.")
    Cli.OutputFormat format = Cli.OutputFormat.text;

    @Option(names = "--count-unavailable",
        description = "Count 'unavailable' as removal for the time to removal.")
    boolean countUnavailable;

    @Option(names = "--working-days", paramLabel = "CC",
        description = "Also count working days by a bundled public-holiday calendar (BE).")
    String workingDays;

    @Option(names = "--by", paramLabel = "PERIOD",
        description = "Also count per year or month, with the change against a year before:"
            + " year, month.")
    String by;

    @Option(names = "--holidays", paramLabel = "FILE",
        description = "Also count working days by a holiday calendar file (see the README).")
    Path holidays;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Report documents.")
    List<Path> files;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      Cli.format(spec, format, Cli.OutputFormat.text, Cli.OutputFormat.json);
      List<Report> all = new ArrayList<>();
      for (Path f : files) {
        all.addAll(ReportJson.strict().read(f).document().reports());
      }
      Kpis kpis = countUnavailable ? Kpis.countingUnavailableAsRemoved() : Kpis.standard();
      if (workingDays != null && holidays != null) {
        throw new CommandLine.ParameterException(spec.commandLine(),
            "give --working-days or --holidays, not both");
      }
      if (workingDays != null) {
        kpis = kpis.withWorkingDays(org.hotlinekit.iccam.stats.WorkingDays.bundled(workingDays)
            .orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(),
                "--working-days: no bundled calendar for '" + workingDays + "' (bundled: BE);"
                    + " give one with --holidays FILE")));
      } else if (holidays != null) {
        kpis = kpis.withWorkingDays(org.hotlinekit.iccam.stats.WorkingDays.read(holidays));
      }
      KpiReport k = kpis.compute(all);
      List<org.hotlinekit.iccam.stats.Periods.Row> periods = List.of();
      if (by != null) {
        org.hotlinekit.iccam.stats.Periods.By unit;
        switch (by) {
          case "year":
            unit = org.hotlinekit.iccam.stats.Periods.By.YEAR;
            break;
          case "month":
            unit = org.hotlinekit.iccam.stats.Periods.By.MONTH;
            break;
          default:
            throw new CommandLine.ParameterException(spec.commandLine(),
                "--by: year or month, not '" + by + "'");
        }
        periods = org.hotlinekit.iccam.stats.Periods.of(all, unit);
      }
      PrintWriter out = spec.commandLine().getOut();
      if (format == Cli.OutputFormat.json) {
        JsonMapper m = Cli.json();
        ObjectNode n = m.createObjectNode();
        n.put("reports", all.size());
        n.put("contentItems", k.contentItems());
        n.put("illegal", k.illegal());
        n.put("known", k.known());
        n.put("new", k.newItems());
        n.put("knownUndetermined", k.knownUndetermined());
        counts(n.putObject("byClassification"), k.byClassification());
        counts(n.putObject("byAgeCategory"), k.byAgeCategory());
        counts(n.putObject("byGender"), k.byGender());
        counts(n.putObject("bySiteType"), k.bySiteType());
        counts(n.putObject("byHostingCountry"), k.byHostingCountry());
        counts(n.putObject("byRegistrableDomain"), k.byRegistrableDomain());
        durations(n.putObject("timeToLea"), k.toLea());
        durations(n.putObject("timeToNotice"), k.toNotice());
        durations(n.putObject("timeToRemoval"), k.toRemoval());
        n.put("definitions", k.definitions());
        if (by != null) {
          tools.jackson.databind.node.ArrayNode rows = n.putArray("periods");
          for (org.hotlinekit.iccam.stats.Periods.Row p : periods) {
            ObjectNode o = rows.addObject();
            o.put("period", p.period());
            o.put("reports", p.reports());
            o.put("reportsWithIllegal", p.reportsWithIllegal());
            o.put("contentItems", p.contentItems());
            o.put("illegal", p.illegal());
            o.put("hostingCountries", p.hostingCountries());
            p.illegalYearOnYear().ifPresent(v -> o.put("illegalYearOnYear", v));
          }
        }
        out.println(m.writerWithDefaultPrettyPrinter().writeValueAsString(n));
        out.flush();
        return 0;
      }
      out.printf(Locale.ROOT, "reports            %d%ncontent items      %d%nillegal            %d%n",
          all.size(), k.contentItems(), k.illegal());
      out.printf(Locale.ROOT, "known / new        %d / %d (%d undetermined)%n", k.known(),
          k.newItems(), k.knownUndetermined());
      if (by != null) {
        out.println();
        out.println("period    reports  with illegal  items  illegal  hosting countries"
            + "  illegal vs a year before");
        for (org.hotlinekit.iccam.stats.Periods.Row p : periods) {
          out.printf(Locale.ROOT, "%-9s %7d  %12d  %5d  %7d  %17d  %s%n", p.period(),
              p.reports(), p.reportsWithIllegal(), p.contentItems(), p.illegal(),
              p.hostingCountries(), p.illegalYearOnYear().isPresent()
                  ? String.format(Locale.ROOT, "%+.0f%%", 100 * p.illegalYearOnYear().getAsDouble())
                  : "-");
        }
      }
      table(out, "classification", k.byClassification());
      table(out, "age category", k.byAgeCategory());
      table(out, "gender", k.byGender());
      table(out, "site type", k.bySiteType());
      table(out, "hosting country", k.byHostingCountry());
      table(out, "site (registrable domain)", k.byRegistrableDomain());
      out.println();
      out.println("time from report to  n   open  median    p90       same day  <=1d   <=3d   <=7d");
      row(out, "LEA", k.toLea());
      row(out, "notice", k.toNotice());
      row(out, "removal", k.toRemoval());
      if (k.toRemoval().withinWorkingDays().isPresent() || workingDays != null
          || holidays != null) {
        out.println();
        out.println("working days from report to  <=1wd  <=3wd  <=7wd");
        workingRow(out, "LEA", k.toLea());
        workingRow(out, "notice", k.toNotice());
        workingRow(out, "removal", k.toRemoval());
      }
      out.println();
      out.println("definitions: " + k.definitions());
      out.flush();
      return 0;
    }

    private static void counts(ObjectNode n, Map<String, Integer> m) {
      m.forEach(n::put);
    }

    private static void durations(ObjectNode n, Durations d) {
      n.put("withEvent", d.withEvent());
      n.put("censored", d.censored());
      d.median().ifPresent(v -> n.put("medianSeconds", v.getSeconds()));
      d.p90().ifPresent(v -> n.put("p90Seconds", v.getSeconds()));
      n.put("of", d.denominator());
      n.put("sameDay", d.sameDay());
      d.within().forEach((days, share) -> n.put("within" + days + "Days", share));
      d.withinWorkingDays().ifPresent(w -> w.forEach((days, share) ->
          n.put("within" + days + "WorkingDays", share)));
    }

    private static void table(PrintWriter out, String title, Map<String, Integer> m) {
      out.println();
      out.println(title);
      m.forEach((k, v) -> out.printf(Locale.ROOT, "  %-18s %d%n", k, v));
    }

    private static void row(PrintWriter out, String what, Durations d) {
      out.printf(Locale.ROOT, "  %-17s %-4d %-5d %-9s %-9s %6.0f%%  %4.0f%%  %4.0f%%  %4.0f%%%n",
          what, d.withEvent(), d.censored(), d.median().map(Stats::human).orElse("-"),
          d.p90().map(Stats::human).orElse("-"), 100 * d.sameDay(), 100 * d.within().get(1),
          100 * d.within().get(3), 100 * d.within().get(7));
    }

    private static void workingRow(PrintWriter out, String what, Durations d) {
      if (d.withinWorkingDays().isEmpty()) {
        out.printf(Locale.ROOT, "  %-26s not computed (see the definitions)%n", what);
        return;
      }
      Map<Integer, Double> w = d.withinWorkingDays().get();
      out.printf(Locale.ROOT, "  %-26s %4.0f%%  %4.0f%%  %4.0f%%%n", what, 100 * w.get(1),
          100 * w.get(3), 100 * w.get(7));
    }

    private static String human(Duration d) {
      long minutes = d.toMinutes();
      return minutes < 60 ? minutes + "m" : minutes < 48 * 60
          ? String.format(Locale.ROOT, "%.1fh", minutes / 60.0)
          : String.format(Locale.ROOT, "%.1fd", minutes / 1440.0);
    }
  }
}
