package org.hotlinekit.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hotlinekit.hashing.batch.BatchRunner;
import org.hotlinekit.hashing.match.Triage;
import org.hotlinekit.hashing.video.VideoHasher;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The hash-list and run options shared by {@code match} and {@code triage}. */
final class ListOptions {
  @Option(names = "--list", paramLabel = "FILE",
      description = "A hash list (repeatable; --list or --index at least once).")
  List<Path> lists = new ArrayList<>();

  @Option(names = "--index", paramLabel = "FILE",
      description = "A list indexed by 'hotlinekit index build' (repeatable); opens without"
          + " re-indexing.")
  List<Path> indexes = new ArrayList<>();

  @Option(names = "--list-format", paramLabel = "FORMAT",
      description = "auto (default: told from the content), jsonl, te (ThreatExchange lines), pytx"
          + " (python-threatexchange CSV), ncmec (NCMEC hash sharing v2 XML), stopncii (StopNCII"
          + " JSON), stix (STIX 2.1 bundle), or plain hashes one per line: md5, sha1, sha256, pdq,"
          + " photodna.")
  Lists.Format listFormat = Lists.Format.auto;

  @Option(names = "--strict", description = "Refuse a list with any bad record.")
  boolean strict;

  @Option(names = "--allow-empty", description = "Accept a list (or --hashes input) without"
      + " entries; by default it is an error, since every file would come out new.")
  boolean allowEmpty;

  @Option(names = "--max-distance", paramLabel = "N",
      description = "PDQ match distance, 0..63 (default: the recommended 31).")
  Integer maxDistance;

  @Option(names = "--threads", paramLabel = "N", description = "Files in parallel (default: cores).")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(names = "--video",
      description = "Hash videos with vPDQ (a PDQ hash per frame, through the ffmpeg program;"
          + " costly, hence opt-in) and match them against the lists' vPDQ entries (80%% of the"
          + " video's frames within distance 31 of the listed video's, python-threatexchange's"
          + " rule). Without it a video is checked by its digests only: unverified, never new.")
  boolean video;

  @Option(names = "--disputed", paramLabel = "FILE",
      description = "Entries this team found to be false positives (JSON lines: {\"list\","
          + " \"entry\", \"reason\"}): their matches never make a file known and are listed"
          + " as suppressed, with the reason.")
  Path disputed;

  @Option(names = "--quarantine", paramLabel = "FILE",
      description = "Flood protection: an entry that matches more than --flood-share of the last"
          + " --flood-window files (once --flood-min were seen) is quarantined: its matches no"
          + " longer make a file known and are listed as suppressed. FILE keeps the quarantined"
          + " entries across runs (read if present, written at the end); set an entry's state to"
          + " \"confirmed\" to release it for good.")
  Path quarantine;

  @Option(names = "--flood-share", paramLabel = "F",
      description = "--quarantine: the share, above 0 and at most 1 (default 0.05).")
  double floodShare = 0.05;

  @Option(names = "--flood-window", paramLabel = "N",
      description = "--quarantine: how many of the last files are counted (default 10000).")
  int floodWindow = 10_000;

  @Option(names = "--flood-min", paramLabel = "N",
      description = "--quarantine: files seen before anything is quarantined (default 1000).")
  int floodMin = 1_000;

  /** The flood guard of --quarantine, once built. */
  org.hotlinekit.hashing.match.FloodGuard guard;

  @Option(names = "--fps", paramLabel = "N",
      description = "--video: hash N frames per second (0, the default, hashes every frame, as"
          + " lists hashed with the reference tool's defaults were).")
  double fps;

  /**
   * The triage for these options: the lists loaded (bad records reported on {@code err}), the
   * distance if given; {@code dihedral} for rotated and mirrored copies; with --video, videos
   * hashed with vPDQ, their frames told to {@code frames}.
   */
  Triage triage(CommandLine commandLine, PrintWriter err, boolean verbose, boolean dihedral,
      FrameBar frames) {
    if (lists.isEmpty() && indexes.isEmpty()) {
      throw new CommandLine.ParameterException(commandLine,
          "give at least one --list or --index");
    }
    Triage.Builder b = Triage.builder().dihedral(dihedral);
    verdicts(commandLine, v -> b.video(v).videoProgress(
        (file, decoded, total) -> frames.frames(decoded, total)), b::disputes, b::floodGuard);
    try {
      if (maxDistance != null) {
        b.maxDistance(maxDistance);
      }
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(commandLine, "--max-distance: " + e.getMessage());
    }
    if (allowEmpty) {
      b.allowEmptyLists();
    }
    try {
      for (Path l : lists) {
        b.list(Lists.load(l, listFormat, "--list-format", strict, allowEmpty, err, verbose));
      }
      for (Path i : indexes) {
        b.index(i);
      }
    } catch (IllegalArgumentException e) {
      // Two lists with one name: say so on the command line's terms.
      throw new CommandLine.ParameterException(commandLine, e.getMessage()
          + " (lists are named after their files; rename one)");
    }
    return b.build();
  }

  /**
   * Hands --video (with --fps), --disputed and --quarantine (with --flood-*) to a builder's
   * setters, checked: the same options for match, triage and scan.
   */
  void verdicts(CommandLine commandLine, java.util.function.Consumer<VideoHasher> video,
      java.util.function.Consumer<org.hotlinekit.hashing.match.Disputes> disputes,
      java.util.function.Consumer<org.hotlinekit.hashing.match.FloodGuard> floodGuard) {
    if (fps < 0 || Double.isNaN(fps) || Double.isInfinite(fps)) {
      throw new CommandLine.ParameterException(commandLine, "--fps must be 0 or more");
    }
    if (fps > 0 && !this.video) {
      throw new CommandLine.ParameterException(commandLine, "--fps needs --video");
    }
    if (this.video) {
      video.accept(VideoHasher.builder().framesPerSecond(fps).build());
    }
    if (disputed != null) {
      disputes.accept(org.hotlinekit.hashing.match.Disputes.read(disputed));
    }
    if (quarantine != null) {
      try {
        guard = org.hotlinekit.hashing.match.FloodGuard.read(quarantine,
            org.hotlinekit.hashing.match.FloodGuard.builder().share(floodShare)
                .window(floodWindow).minQueries(floodMin));
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(commandLine, "--flood-*: " + e.getMessage());
      }
      floodGuard.accept(guard);
    }
  }

  /**
   * After a run with --quarantine: says on stderr which entries were quarantined in it, and
   * saves the state file.
   */
  void saveQuarantine(PrintWriter err) {
    if (guard == null) {
      return;
    }
    for (org.hotlinekit.hashing.match.FloodGuard.Quarantine q : guard.newlyQuarantined()) {
      err.println("hotlinekit: quarantined " + q.list() + ":" + q.entry() + ": " + q.reason()
          + "; its matches no longer count (confirm it in " + quarantine + " to release it)");
    }
    guard.write(quarantine);
  }

  /** The batch runner for these options, drawing progress on {@code bar}. */
  BatchRunner runner(CommandLine commandLine, ProgressBar bar) {
    if (threads < 1) {
      throw new CommandLine.ParameterException(commandLine, "--threads must be at least 1");
    }
    return BatchRunner.builder().threads(threads).progress((done, total) -> bar.step()).build();
  }
}
