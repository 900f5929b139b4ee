package org.hotlinekit.hashing.video;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Whether FFmpeg can decode a file from a stream, in the order of its bytes: an ISO base media
 * file (MP4, MOV) whose index ({@code moov}) comes before its media data ({@code mdat}, "fast
 * start"), Matroska/WebM, or an MPEG transport stream. Other files, and an MP4 with the index at
 * the end, need FFmpeg to seek. Only box headers are read (a few bytes each), never the media.
 */
final class Streams {
  private Streams() {}

  static boolean decodableFromStream(Path file) {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = ch.size();
      ByteBuffer head = ByteBuffer.allocate(376);
      ch.read(head, 0);
      head.flip();
      byte[] h = new byte[head.remaining()];
      head.get(h);
      if (h.length >= 4 && (h[0] & 0xff) == 0x1a && (h[1] & 0xff) == 0x45
          && (h[2] & 0xff) == 0xdf && (h[3] & 0xff) == 0xa3) {
        return true; // EBML: Matroska, WebM
      }
      if (h.length >= 376 && h[0] == 0x47 && h[188] == 0x47) {
        return true; // MPEG transport stream: a sync byte every 188 bytes
      }
      if (h.length >= 8 && new String(h, 4, 4, StandardCharsets.ISO_8859_1).equals("ftyp")) {
        return moovFirst(ch, size);
      }
      return false;
    } catch (IOException e) {
      return false; // FFmpeg reads it itself and says what is wrong
    }
  }

  /** Walks the top-level boxes: true if {@code moov} comes before {@code mdat}. */
  private static boolean moovFirst(FileChannel ch, long size) throws IOException {
    long at = 0;
    ByteBuffer b = ByteBuffer.allocate(16);
    for (int boxes = 0; boxes < 1000 && at + 8 <= size; boxes++) {
      b.clear();
      ch.read(b, at);
      b.flip();
      if (b.remaining() < 8) {
        return false;
      }
      long len = b.getInt() & 0xffffffffL;
      byte[] t = new byte[4];
      b.get(t);
      String type = new String(t, StandardCharsets.ISO_8859_1);
      if (type.equals("moov")) {
        return true;
      }
      if (type.equals("mdat")) {
        return false;
      }
      if (len == 1) {
        if (b.remaining() < 8) {
          return false;
        }
        len = b.getLong(); // 64-bit size
      } else if (len == 0) {
        return false; // the box runs to the end of the file: no moov after it
      }
      if (len < 8) {
        return false;
      }
      at += len;
    }
    return false;
  }
}
