package org.hotlinekit.iccam.packet;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.hotlinekit.core.InputReadException;
import org.hotlinekit.core.MalformedInputException;
import org.hotlinekit.core.OutputWriteException;
import org.hotlinekit.core.io.AtomicFiles;

/**
 * A {@link ReplayGuard} over a file, shared by every process that names it: a line per opened
 * packet ({@code <packet id> <signing time, epoch seconds>}) after a header line. Each opening
 * takes an exclusive lock on a companion {@code .lock} file (so concurrent CLI runs serialise),
 * reads the file, and appends the new id, forced to disk before the packet is released. Records
 * signed before the reader's window are pruned by an atomic rewrite once they are half the file.
 * A file that is not such a record list is refused: a damaged guard must not accept replays.
 */
final class FileReplayGuard implements ReplayGuard {
  static final String HEADER = "hotlinekit-replay-db 1";

  /** One monitor per file in this process: a JVM may hold only one lock on a file at a time. */
  private static final Map<Path, Object> MONITORS = new ConcurrentHashMap<>();

  private final Path file;
  private final Path lockFile;

  FileReplayGuard(Path file) {
    this.file = Objects.requireNonNull(file, "file").toAbsolutePath().normalize();
    this.lockFile = this.file.resolveSibling(this.file.getFileName() + ".lock");
  }

  @Override
  public boolean firstOpening(UUID packetId, Instant signingTime, Instant forgetBefore) {
    Object monitor = MONITORS.computeIfAbsent(file, f -> new Object());
    synchronized (monitor) {
      try (FileChannel lock = FileChannel.open(lockFile, StandardOpenOption.CREATE,
          StandardOpenOption.WRITE); FileLock held = lock.lock()) {
        List<Record> records = read();
        int stale = 0;
        for (Record r : records) {
          if (r.id.equals(packetId)) {
            return false;
          }
          if (r.signed.isBefore(forgetBefore)) {
            stale++;
          }
        }
        Record added = new Record(packetId, signingTime);
        if (records.isEmpty() || stale * 2 > records.size()) {
          List<Record> kept = new ArrayList<>();
          for (Record r : records) {
            if (!r.signed.isBefore(forgetBefore)) {
              kept.add(r);
            }
          }
          kept.add(added);
          rewrite(kept);
        } else {
          append(added);
        }
        return true;
      } catch (IOException e) {
        throw new OutputWriteException(file + ": could not use the replay record file: "
            + e.getMessage(), e);
      }
    }
  }

  private List<Record> read() {
    List<Record> out = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String header = in.readLine();
      if (header == null) {
        return out;
      }
      if (!header.equals(HEADER)) {
        throw new MalformedInputException(file + ":1: not a hotlinekit replay record file");
      }
      String line;
      long n = 1;
      while ((line = in.readLine()) != null) {
        n++;
        out.add(Record.parse(line, file, n));
      }
      return out;
    } catch (NoSuchFileException e) {
      return out;
    } catch (IOException e) {
      throw InputReadException.of(file, e);
    }
  }

  private void append(Record r) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ,
        StandardOpenOption.WRITE)) {
      // A last line without its newline (an editor, a crash) must not swallow the new record.
      boolean newline = true;
      long size = ch.size();
      if (size > 0) {
        ByteBuffer last = ByteBuffer.allocate(1);
        ch.read(last, size - 1);
        newline = last.get(0) == '\n';
      }
      ch.position(size);
      ByteBuffer b = ByteBuffer.wrap(((newline ? "" : "\n") + r + "\n")
          .getBytes(StandardCharsets.US_ASCII));
      while (b.hasRemaining()) {
        ch.write(b);
      }
      ch.force(true);
    }
  }

  private void rewrite(List<Record> records) {
    StringBuilder text = new StringBuilder(HEADER).append('\n');
    for (Record r : records) {
      text.append(r).append('\n');
    }
    AtomicFiles.write(file, text.toString().getBytes(StandardCharsets.US_ASCII));
  }

  /** One opened packet. */
  private static final class Record {
    final UUID id;
    final Instant signed;

    Record(UUID id, Instant signed) {
      this.id = id;
      this.signed = signed;
    }

    static Record parse(String line, Path file, long n) {
      int space = line.indexOf(' ');
      try {
        if (space < 0) {
          throw new IllegalArgumentException("no space");
        }
        UUID id = UUID.fromString(line.substring(0, space));
        Instant signed = Instant.ofEpochSecond(Long.parseLong(line.substring(space + 1)));
        return new Record(id, signed);
      } catch (IllegalArgumentException | DateTimeException e) {
        throw new MalformedInputException(file + ":" + n + ": not a replay record ("
            + "expected '<packet id> <epoch seconds>')", e);
      }
    }

    @Override
    public String toString() {
      return id + " " + signed.getEpochSecond();
    }
  }
}
