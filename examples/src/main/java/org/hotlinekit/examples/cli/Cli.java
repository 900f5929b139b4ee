package org.hotlinekit.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.hotlinekit.core.HotlinekitException;
import org.hotlinekit.core.LimitExceededException;
import picocli.CommandLine;

/** What every command shares: output formats, verbosity, and one wording for failures. */
final class Cli {
  private Cli() {}

  /** Exit code for a failure that is a bug in hotlinekit, not in the input. */
  static final int EXIT_INTERNAL_ERROR = 70;

  /**
   * The JSON mapper for the commands' output, built on first use: building one loads several
   * hundred classes, which a command that prints no JSON (or {@code --version}) need not pay.
   */
  static tools.jackson.databind.json.JsonMapper json() {
    return JsonHolder.JSON;
  }

  private static final class JsonHolder {
    static final tools.jackson.databind.json.JsonMapper JSON =
        tools.jackson.databind.json.JsonMapper.builder().build();
  }

  /** The CLI option that raises each library limit a {@link LimitExceededException} names. */
  private static final Map<String, String> OPTION_FOR_SETTING = Map.of("maxPixels",
      "--max-pixels");

  /**
   * The output formats, one vocabulary for every command: {@code text} is for a person (for
   * commands with a row per input it is the TSV table), {@code tsv} a header and a row per input,
   * {@code jsonl} one JSON object per line, {@code json} one JSON document, {@code xml} (the NCMEC
   * export only).
   */
  enum OutputFormat {
    text,
    tsv,
    jsonl,
    json,
    xml
  }

  /**
   * Checks that a command supports the chosen format.
   *
   * @return {@code chosen}
   * @throws CommandLine.ParameterException naming the formats the command supports
   */
  static OutputFormat format(CommandLine.Model.CommandSpec spec, OutputFormat chosen,
      OutputFormat... supported) {
    if (!Arrays.asList(supported).contains(chosen)) {
      throw new CommandLine.ParameterException(spec.commandLine(), "'" + spec.qualifiedName()
          + "' writes " + Arrays.stream(supported).map(Enum::name)
              .collect(Collectors.joining(", ")) + "; not --format " + chosen);
    }
    return chosen;
  }

  /** Whether {@code --verbose} was given, on the command or any command above it. */
  static boolean verbose(CommandLine.Model.CommandSpec spec) {
    Object root = spec.root().userObject();
    return root instanceof HotlinekitCli && ((HotlinekitCli) root).verbose;
  }

  /** Why PDQ was not computed, with this tool's option where a setting raises the limit. */
  static String describe(org.hotlinekit.hashing.media.PdqNotComputed why) {
    return withOption(why.message(), why.setting(), why.message());
  }

  /** The reason with this tool's option for a library setting, or {@code otherwise}. */
  private static String withOption(String reason, java.util.Optional<String> setting,
      String otherwise) {
    String option = setting.map(OPTION_FOR_SETTING::get).orElse(null);
    return option == null ? otherwise : reason + " (raise it with " + option + ")";
  }

  /**
   * One line for a failure a user can act on, naming the file once and the reason; library
   * settings are translated to this tool's options.
   */
  static String describe(Throwable e) {
    if (e instanceof LimitExceededException) {
      LimitExceededException l = (LimitExceededException) e;
      return withOption(l.reason(), l.setting(), l.getMessage());
    }
    if (e instanceof HotlinekitException) {
      return e.getMessage();
    }
    if (e instanceof UncheckedIOException) {
      return describe(e.getCause());
    }
    if (e instanceof FileSystemException) {
      FileSystemException f = (FileSystemException) e;
      String why = e instanceof NoSuchFileException ? "no such file"
          : e instanceof AccessDeniedException ? "permission denied"
          : f.getReason() != null ? f.getReason() : e.getClass().getSimpleName();
      return (f.getFile() == null ? "" : f.getFile() + ": ") + why;
    }
    if (e instanceof IOException) {
      return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
    return "internal error (" + e + "); please report it";
  }

  /** Whether a failure is one of the input or the environment (else it is a bug). */
  static boolean isInputFailure(Throwable e) {
    return e instanceof HotlinekitException || e instanceof IOException
        || e instanceof UncheckedIOException;
  }

  /** Prints a failure as one line, with its stack trace only when {@code --verbose}. */
  static void report(PrintWriter err, Throwable e, boolean verbose) {
    err.println("hotlinekit: " + describe(e));
    if (verbose) {
      e.printStackTrace(err);
    } else if (!isInputFailure(e)) {
      err.println("hotlinekit: run with --verbose for the details");
    }
    err.flush();
  }

  /**
   * The files under the given paths ({@link org.hotlinekit.hashing.media.MediaFiles#walk}).
   *
   * @throws org.hotlinekit.core.InputReadException if there is none: an empty run would look
   *     like a clean one
   */
  static java.util.List<org.hotlinekit.hashing.media.MediaFiles.Entry> walk(
      java.util.List<java.nio.file.Path> paths) {
    java.util.List<org.hotlinekit.hashing.media.MediaFiles.Entry> entries =
        org.hotlinekit.hashing.media.MediaFiles.walk(paths);
    if (entries.isEmpty()) {
      throw new org.hotlinekit.core.InputReadException(String.join(", ", paths.stream()
          .map(java.nio.file.Path::toString).toList()) + ": no files in it");
    }
    return entries;
  }

  /** A lower-case name for an enum constant, e.g. {@code "known"}. */
  static String lower(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT);
  }
}
