package org.hotlinekit.hashing.internal;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hotlinekit.core.MalformedInputException;
import org.hotlinekit.core.hash.HashType;
import org.hotlinekit.core.hash.HashValue;
import org.hotlinekit.hashing.list.HashListEntry;

/**
 * The binary record of one hash-list entry in an index file: decoded only for entries that
 * match. Layout (big-endian): flags byte (1 carried, 2 quality, 4 label, 8 added, 16 source, 32
 * the id is the hash's text, 64 the hash as bytes), the type id, the hash (as text, or with flag
 * 64 its bytes as an int length and the bytes), the id (left out with flag 32), then quality
 * (byte), label, tag count and tags, added (seconds, nanos), source; strings as an int length and
 * UTF-8. Records written before flags 32 and 64 (index format 4) hold the hash and the id as text
 * and are read the same. Flags 32 and 64 save about 100 of the 148 bytes of a bare PDQ entry,
 * whose id is its hash.
 */
public final class EntryCodec {
  private static final int CARRIED = 1;
  private static final int QUALITY = 2;
  private static final int LABEL = 4;
  private static final int ADDED = 8;
  private static final int SOURCE = 16;
  private static final int ID_IS_HASH = 32;
  private static final int BINARY_HASH = 64;
  private static final int MAX_STRING = 1 << 20;

  private EntryCodec() {}

  /**
   * Encodes an entry.
   *
   * @param e the entry
   * @return its record
   */
  public static byte[] encode(HashListEntry e) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(96);
      DataOutputStream out = new DataOutputStream(bytes);
      boolean carried = e.hash().type().isCarried();
      String text = e.hash().toString();
      boolean idIsHash = e.id().equals(text);
      int flags = (carried ? CARRIED : 0)
          | (e.quality().isPresent() ? QUALITY : 0) | (e.label().isPresent() ? LABEL : 0)
          | (e.added().isPresent() ? ADDED : 0) | (e.source().isPresent() ? SOURCE : 0)
          | (idIsHash ? ID_IS_HASH : 0) | (carried ? 0 : BINARY_HASH);
      out.writeByte(flags);
      string(out, e.hash().type().id());
      if (carried) {
        string(out, text);
      } else {
        byte[] b = e.hash().toByteArray();
        out.writeInt(b.length);
        out.write(b);
      }
      if (!idIsHash) {
        string(out, e.id());
      }
      if (e.quality().isPresent()) {
        out.writeByte(e.quality().getAsInt());
      }
      if (e.label().isPresent()) {
        string(out, e.label().get());
      }
      out.writeInt(e.tags().size());
      for (String t : e.tags()) {
        string(out, t);
      }
      if (e.added().isPresent()) {
        out.writeLong(e.added().get().getEpochSecond());
        out.writeInt(e.added().get().getNano());
      }
      if (e.source().isPresent()) {
        string(out, e.source().get());
      }
      out.flush();
      return bytes.toByteArray();
    } catch (IOException x) {
      throw new UncheckedIOException(x); // a byte array does not fail
    }
  }

  private static void string(DataOutputStream out, String s) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  /**
   * Decodes a record.
   *
   * @param record the record's bytes (position to limit)
   * @return the entry
   * @throws MalformedInputException if the record is not a valid entry
   */
  public static HashListEntry decode(ByteBuffer record) {
    try {
      int flags = record.get() & 0xff;
      if ((flags & ~(CARRIED | QUALITY | LABEL | ADDED | SOURCE | ID_IS_HASH | BINARY_HASH))
          != 0 || ((flags & CARRIED) != 0 && (flags & BINARY_HASH) != 0)) {
        throw new MalformedInputException("unknown entry flags");
      }
      String typeName = string(record);
      String text = null;
      byte[] bytes = null;
      if ((flags & BINARY_HASH) != 0) {
        int n = record.getInt();
        if (n < 0 || n > MAX_STRING || n > record.remaining()) {
          throw new MalformedInputException("bad hash length");
        }
        bytes = new byte[n];
        record.get(bytes);
      } else {
        text = string(record);
      }
      HashType type;
      HashValue hash;
      try {
        if ((flags & CARRIED) != 0) {
          type = HashType.carried(typeName);
          hash = HashValue.carried(type, text);
        } else {
          type = HashType.fromId(typeName).filter(t -> t.id().equals(typeName))
              .or(() -> PluginTypes.named(typeName))
              .orElseThrow(() -> new MalformedInputException("unknown hash type '" + typeName
                  + "' (no installed plug-in has it)"));
          hash = bytes != null ? HashValue.of(type, bytes) : HashValue.parse(type, text);
        }
      } catch (IllegalArgumentException x) {
        throw new MalformedInputException(x.getMessage());
      }
      String id = (flags & ID_IS_HASH) != 0 ? hash.toString() : string(record);
      HashListEntry.Builder b = HashListEntry.builder(id, hash);
      if ((flags & QUALITY) != 0) {
        b.quality(record.get());
      }
      if ((flags & LABEL) != 0) {
        b.label(string(record));
      }
      int tags = record.getInt();
      if (tags < 0 || tags > record.remaining() / 4) {
        throw new MalformedInputException("bad tag count");
      }
      if (tags > 0) {
        List<String> t = new ArrayList<>(tags);
        for (int i = 0; i < tags; i++) {
          t.add(string(record));
        }
        b.tags(t);
      }
      if ((flags & ADDED) != 0) {
        b.added(Instant.ofEpochSecond(record.getLong(), record.getInt()));
      }
      if ((flags & SOURCE) != 0) {
        b.source(string(record));
      }
      if (record.hasRemaining()) {
        throw new MalformedInputException("bytes after the entry");
      }
      return b.build();
    } catch (java.nio.BufferUnderflowException | DateTimeException
        | IllegalArgumentException x) {
      throw new MalformedInputException("bad entry record: " + x.getMessage());
    }
  }

  private static String string(ByteBuffer b) {
    int n = b.getInt();
    if (n < 0 || n > MAX_STRING || n > b.remaining()) {
      throw new MalformedInputException("bad string length");
    }
    byte[] s = new byte[n];
    b.get(s);
    return new String(s, StandardCharsets.UTF_8);
  }
}
