package org.hotlinekit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code hotlinekit} launcher script, run by bash in a copy of the repository's layout with
 * stand-ins for {@code java} and {@code mvn} that record how they were called: which start-up
 * archive a command gets, that the jar is rebuilt when (and only when) a source is newer, that the
 * arguments reach the tool unchanged and that the launcher itself writes nothing on stdout.
 */
class LauncherTest {
  private static final String JAR = "examples/target/hotlinekit-examples-0.1.0-SNAPSHOT-cli.jar";
  private static final FileTime OLD = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));
  private static final FileTime BUILT = FileTime.from(Instant.parse("2021-01-01T00:00:00Z"));

  @TempDir Path root;
  private Path calls;

  @BeforeEach
  void layout() throws IOException {
    Files.copy(Path.of("..", "hotlinekit"), root.resolve("hotlinekit"));
    for (String module : List.of("core", "hashing", "categorisation", "iccam-format", "scan",
        "example-signal", "examples")) {
      Path source = root.resolve(module).resolve("src/main/java/A.java");
      Files.createDirectories(source.getParent());
      Files.writeString(source, "class A {}");
      Files.writeString(root.resolve(module).resolve("pom.xml"), "<project/>");
    }
    Files.writeString(root.resolve("pom.xml"), "<project/>");
    // The spark module and the tests do not make the jar stale.
    Path spark = root.resolve("spark/src/main/java/S.java");
    Files.createDirectories(spark.getParent());
    Files.writeString(spark, "class S {}");
    try (var files = Files.walk(root)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        Files.setLastModifiedTime(p, OLD);
      }
    }
    Path jar = root.resolve(JAR);
    Files.createDirectories(jar.getParent());
    Files.writeString(jar, "jar");
    Files.setLastModifiedTime(jar, BUILT);
    calls = root.resolve("calls.log");
    Path bin = Files.createDirectories(root.resolve("bin"));
    // java: records its arguments; writes the class list or archive it is asked for; a run of the
    // tool prints one line.
    executable(bin.resolve("java"), """
        #!/usr/bin/env bash
        line=java
        for a in "$@"; do line+=" [$a]"; done
        printf '%s\n' "$line" >>"$CALLS" # one write: training runs go side by side
        dump=0
        for a in "$@"; do
          case "$a" in
            -Xshare:dump) dump=1 ;;
            -XX:DumpLoadedClassList=*) echo "java/lang/Object" >"${a#*=}" ;;
          esac
        done
        for a in "$@"; do
          case "$a" in -XX:SharedArchiveFile=*) [ "$dump" = 1 ] && echo archive >"${a#*=}" ;; esac
        done
        [ "$dump" = 1 ] || echo "tool output"
        """);
    executable(bin.resolve("mvn"), """
        #!/usr/bin/env bash
        line=mvn
        for a in "$@"; do line+=" [$a]"; done
        printf '%s\n' "$line" >>"$CALLS"
        touch "$JAR_PATH"
        """);
  }

  private static void executable(Path file, String text) throws IOException {
    Files.writeString(file, text);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  /** The launcher's stdout, stderr and the calls it made. */
  private record Run(String out, String err, List<String> calls) {
    /** The last call of the tool itself (not a training run or an archive dump). */
    String tool() {
      List<String> runs = calls.stream().filter(c -> c.startsWith("java")
          && !c.contains("DumpLoadedClassList") && !c.contains("-Xshare:dump")).toList();
      assertThat(runs).isNotEmpty();
      return runs.get(runs.size() - 1);
    }
  }

  private Run run(Map<String, String> env, String... args) throws Exception {
    return runScript(root.resolve("hotlinekit"), env, args);
  }

  private Run runScript(Path script, Map<String, String> env, String... args) throws Exception {
    Files.deleteIfExists(calls);
    List<String> command = new ArrayList<>(List.of("bash", script.toString()));
    command.addAll(Arrays.asList(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(root.toFile());
    pb.environment().put("PATH", root.resolve("bin") + ":/usr/bin:/bin");
    pb.environment().put("CALLS", calls.toString());
    pb.environment().put("JAR_PATH", root.resolve(JAR).toString());
    pb.environment().remove("HOTLINEKIT_CDS");
    pb.environment().putAll(env);
    Path out = root.resolve("out.txt");
    Path err = root.resolve("err.txt");
    Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String e = Files.readString(err, StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(e).isZero();
    List<String> made = Files.exists(calls) ? Files.readAllLines(calls) : List.of();
    return new Run(Files.readString(out, StandardCharsets.UTF_8), e, made);
  }

  private String archive(String command) {
    return "[-XX:SharedArchiveFile=" + root.resolve("examples/target/cds/" + command + ".jsa")
        + "]";
  }

  @Test
  void eachCommandGetsItsOwnArchiveMadeOnce() throws Exception {
    Run first = run(Map.of(), "hash", "--format", "jsonl", "a folder");
    assertThat(first.out()).isEqualTo("tool output\n");
    assertThat(first.err()).contains("preparing a start-up archive for 'hash'");
    assertThat(first.calls()).noneMatch(c -> c.startsWith("mvn"));
    assertThat(first.calls()).anyMatch(c -> c.contains("-Xshare:dump"));
    String tool = first.tool();
    assertThat(tool).contains(archive("hash"))
        .endsWith("[-jar] [" + root.resolve(JAR) + "] [hash] [--format] [jsonl] [a folder]");
    // The JIT directives are quiet, so that the JVM prints none of them on stdout.
    assertThat(tool.indexOf("[-XX:CompileCommand=quiet]")).isNotNegative()
        .isLessThan(tool.indexOf("[-XX:CompileCommand=CompileThresholdScaling"));

    Run second = run(Map.of(), "hash", "x");
    assertThat(second.err()).isEmpty();
    assertThat(second.calls()).hasSize(1);
    assertThat(second.tool()).contains(archive("hash"));

    assertThat(run(Map.of(), "-v", "categorize", "f.json").tool())
        .contains(archive("categorise")).endsWith("[-v] [categorize] [f.json]");
    assertThat(run(Map.of(), "--version").tool()).contains(archive("base"));
    assertThat(run(Map.of(), "nonsense").tool()).contains(archive("base"));
    assertThat(run(Map.of("HOTLINEKIT_CDS", "0"), "hash", "x").tool())
        .doesNotContain("SharedArchiveFile");
  }

  /** A link to the launcher elsewhere (e.g. in ~/bin) runs the repository's tool. */
  @Test
  void aLinkToTheLauncherRunsTheRepositorysTool() throws Exception {
    Path elsewhere = Files.createDirectories(root.resolve("home/bin"));
    Path link = Files.createSymbolicLink(elsewhere.resolve("hotlinekit"),
        root.resolve("hotlinekit"));
    Run r = runScript(link, Map.of("HOTLINEKIT_CDS", "0"), "hash", "x");
    assertThat(r.calls()).noneMatch(c -> c.startsWith("mvn"));
    assertThat(r.tool()).endsWith("[-jar] [" + root.resolve(JAR) + "] [hash] [x]");
    assertThat(r.out()).isEqualTo("tool output\n");
  }

  @Test
  void theJarIsRebuiltWhenASourceOrPomIsNewerOnly() throws Exception {
    assertThat(run(Map.of("HOTLINEKIT_CDS", "0"), "--version").calls())
        .noneMatch(c -> c.startsWith("mvn"));
    Files.setLastModifiedTime(root.resolve("spark/src/main/java/S.java"),
        FileTime.from(Instant.now()));
    assertThat(run(Map.of("HOTLINEKIT_CDS", "0"), "--version").calls())
        .noneMatch(c -> c.startsWith("mvn"));
    for (String changed : List.of("scan/src/main/java/A.java", "iccam-format/pom.xml",
        "pom.xml")) {
      Files.setLastModifiedTime(root.resolve(JAR), BUILT);
      Files.setLastModifiedTime(root.resolve(changed), FileTime.from(Instant.now()));
      Run r = run(Map.of("HOTLINEKIT_CDS", "0"), "--version");
      assertThat(r.calls()).as(changed).anyMatch(c -> c.startsWith("mvn"));
      assertThat(r.out()).isEqualTo("tool output\n");
      Files.setLastModifiedTime(root.resolve(changed), OLD);
    }
  }
}
