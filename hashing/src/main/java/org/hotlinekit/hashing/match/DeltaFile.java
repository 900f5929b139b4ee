package org.hotlinekit.hashing.match;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.hotlinekit.core.MalformedInputException;
import org.hotlinekit.core.UnsupportedInputException;
import org.hotlinekit.core.hash.HashType;
import org.hotlinekit.core.hash.HashValue;
import org.hotlinekit.hashing.internal.BinaryIo;
import org.hotlinekit.hashing.internal.CheckedRegion;
import org.hotlinekit.hashing.internal.EntryCodec;
import org.hotlinekit.hashing.internal.PluginTypes;
import org.hotlinekit.hashing.list.ListChange;
import org.hotlinekit.hashing.list.Withdrawal;

/**
 * The delta segment saved beside an index file ({@code list.hlx.delta} beside {@code list.hlx}):
 * the changes applied since the index was built, in order, and the deltas they came from. A
 * {@link CheckedRegion} (a CRC32C per 4 KiB block) whose data is, big-endian: the magic {@code
 * HLKDLTA1}, version 1, the SHA-256 identity of the base file it belongs to, the list's version
 * (empty for none), the applied deltas
 * (name, SHA-256, time applied), then the changes: 1 and an entry record ({@link EntryCodec}), or
 * 2 and a withdrawal (id, and whether a hash follows, its type and text). Strings are an int
 * length and UTF-8. A segment whose base identity is not the file's is refused: it was made for
 * another version of the index.
 */
final class DeltaFile {
  static final long MAGIC = 0x484c4b444c544131L; // "HLKDLTA1"
  static final int VERSION = 1;
  private static final int ADDED = 1;
  private static final int WITHDRAWN = 2;
  private static final int MAX_STRING = 1 << 20;
  private static final long MAX_BYTES = 1L << 30;

  private DeltaFile() {}

  /** The segment's file for an index file. */
  static Path of(Path index) {
    return index.resolveSibling(index.getFileName() + ".delta");
  }

  /** What a segment holds. */
  record Contents(List<IndexedList.AppliedDelta> deltas, List<ListChange> changes,
      Optional<String> listVersion) {}

  /** Writes a segment atomically. */
  static void write(Path file, byte[] base, List<IndexedList.AppliedDelta> deltas,
      List<ListChange> changes, Optional<String> listVersion) {
    byte[] data;
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      DataOutputStream out = new DataOutputStream(bytes);
      out.writeLong(MAGIC);
      out.writeInt(VERSION);
      out.write(base);
      string(out, listVersion.orElse(""));
      out.writeInt(deltas.size());
      for (IndexedList.AppliedDelta d : deltas) {
        string(out, d.name());
        string(out, d.sha256());
        out.writeLong(d.appliedAt().getEpochSecond());
        out.writeInt(d.appliedAt().getNano());
      }
      out.writeInt(changes.size());
      for (ListChange c : changes) {
        if (c instanceof ListChange.Added a) {
          out.writeByte(ADDED);
          byte[] r = EntryCodec.encode(a.entry());
          out.writeInt(r.length);
          out.write(r);
        } else {
          Withdrawal w = ((ListChange.Withdrawn) c).withdrawal();
          out.writeByte(WITHDRAWN);
          string(out, w.id());
          out.writeBoolean(w.hash().isPresent());
          if (w.hash().isPresent()) {
            string(out, w.hash().get().type().id());
            string(out, w.hash().get().toString());
          }
        }
      }
      out.flush();
      data = bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a byte array does not fail
    }
    BinaryIo.writeFile(file, ch -> {
      CheckedRegion.Writer w = new CheckedRegion.Writer(ch);
      w.write(ByteBuffer.wrap(data));
      w.finish();
    });
  }

  private static void string(DataOutputStream out, String s) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  /**
   * Reads a segment, every block checked, for the base file of this identity.
   *
   * @throws MalformedInputException if it is corrupt or belongs to another base
   */
  static Contents read(Path file, byte[] base) {
    byte[] data = BinaryIo.readFile(file, (ch, length) -> {
      CheckedRegion r = CheckedRegion.open(ch, 0, length, file + ": delta segment");
      if (r.length() > MAX_BYTES) {
        throw new MalformedInputException(file + ": the delta segment is too large");
      }
      r.checkAll();
      byte[] b = new byte[(int) r.length()];
      r.read(0, b);
      return b;
    });
    try {
      ByteBuffer in = ByteBuffer.wrap(data);
      if (in.getLong() != MAGIC) {
        throw new MalformedInputException("not a hotlinekit delta segment");
      }
      int version = in.getInt();
      if (version != VERSION) {
        throw new UnsupportedInputException(file + ": delta segment version " + version
            + " is not supported (this is version " + VERSION + ")");
      }
      byte[] identity = new byte[base.length];
      in.get(identity);
      if (!Arrays.equals(identity, base)) {
        throw new MalformedInputException("it belongs to another version of the index file"
            + " (rebuilt or replaced since): apply the deltas to this one again");
      }
      String listVersion = string(in);
      int n = count(in);
      List<IndexedList.AppliedDelta> deltas = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        deltas.add(new IndexedList.AppliedDelta(string(in), string(in),
            Instant.ofEpochSecond(in.getLong(), in.getInt())));
      }
      int m = count(in);
      List<ListChange> changes = new ArrayList<>(m);
      for (int i = 0; i < m; i++) {
        int kind = in.get();
        if (kind == ADDED) {
          int len = in.getInt();
          if (len < 0 || len > in.remaining()) {
            throw new MalformedInputException("bad record length");
          }
          ByteBuffer record = in.slice(in.position(), len);
          in.position(in.position() + len);
          changes.add(ListChange.add(EntryCodec.decode(record)));
        } else if (kind == WITHDRAWN) {
          String id = string(in);
          Optional<HashValue> hash = Optional.empty();
          if (in.get() != 0) {
            String typeName = string(in);
            String text = string(in);
            HashType type = HashType.fromId(typeName).filter(t -> t.id().equals(typeName))
                .or(() -> PluginTypes.named(typeName))
                .orElseThrow(() -> new MalformedInputException("unknown hash type"));
            hash = Optional.of(HashValue.parse(type, text));
          }
          changes.add(ListChange.withdraw(new Withdrawal(id, hash, 0)));
        } else {
          throw new MalformedInputException("unknown change kind " + kind);
        }
      }
      if (in.hasRemaining()) {
        throw new MalformedInputException("bytes after the last change");
      }
      return new Contents(List.copyOf(deltas), List.copyOf(changes),
          listVersion.isEmpty() ? Optional.empty() : Optional.of(listVersion));
    } catch (BufferUnderflowException | IllegalArgumentException | DateTimeException e) {
      throw new MalformedInputException(file + ": corrupt delta segment: " + e.getMessage(), e);
    } catch (MalformedInputException e) {
      throw e.getMessage().startsWith(file.toString()) ? e
          : new MalformedInputException(file + ": corrupt delta segment: " + e.getMessage(), e);
    }
  }

  private static int count(ByteBuffer in) {
    int n = in.getInt();
    if (n < 0 || n > in.remaining()) {
      throw new MalformedInputException("bad count");
    }
    return n;
  }

  private static String string(ByteBuffer in) {
    int n = in.getInt();
    if (n < 0 || n > MAX_STRING || n > in.remaining()) {
      throw new MalformedInputException("bad string length");
    }
    byte[] b = new byte[n];
    in.get(b);
    return new String(b, StandardCharsets.UTF_8);
  }

  /** Removes a segment, if there is one. */
  static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new org.hotlinekit.core.OutputWriteException(file + ": could not remove the delta"
          + " segment: " + e.getMessage(), e);
    }
  }
}
