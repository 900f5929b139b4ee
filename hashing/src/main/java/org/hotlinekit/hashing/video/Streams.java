package org.hotlinekit.hashing.video;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * What a file's first bytes say about it: which container it is ({@link #mayBeVideo}), and
 * whether FFmpeg can decode it from a stream, in the order of its bytes ({@link
 * #decodableFromStream}): an ISO base media file (MP4, MOV) whose index ({@code moov}) comes
 * before its media data ({@code mdat}, "fast start"), Matroska/WebM, or an MPEG transport stream.
 * Other files, and an MP4 with the index at the end, need FFmpeg to seek. Only the head and box
 * headers are read (a few bytes each), never the media.
 */
final class Streams {
  private Streams() {}

  /** The containers told apart by their first bytes. */
  enum Container {
    /** ISO base media (MP4, MOV, ...) with a brand that is not a HEIF/AVIF image's. */
    ISO_MEDIA,
    /** HEIF or AVIF: an image in an ISO base media file. */
    ISO_IMAGE,
    /** Matroska, WebM (EBML). */
    EBML,
    /** MPEG transport stream (a sync byte every 188 bytes). */
    TRANSPORT_STREAM,
    /** AVI (RIFF). */
    AVI,
    /** Flash video. */
    FLV,
    /** Anything else, or unreadable. */
    OTHER
  }

  private static final int HEAD = 376;
  private static final List<String> IMAGE_BRANDS = List.of("heic", "heix", "hevc", "hevx",
      "heim", "heis", "mif1", "msf1", "avif", "avis");

  /** The container a file's first bytes show. */
  static Container container(byte[] h, int n) {
    String ascii = new String(h, 0, n, StandardCharsets.ISO_8859_1);
    if (n >= 12 && ascii.startsWith("ftyp", 4)) {
      return IMAGE_BRANDS.contains(ascii.substring(8, 12)) ? Container.ISO_IMAGE
          : Container.ISO_MEDIA;
    }
    if (n >= 4 && (h[0] & 0xff) == 0x1a && (h[1] & 0xff) == 0x45 && (h[2] & 0xff) == 0xdf
        && (h[3] & 0xff) == 0xa3) {
      return Container.EBML;
    }
    if (n >= HEAD && h[0] == 0x47 && h[188] == 0x47) {
      return Container.TRANSPORT_STREAM;
    }
    if (n >= 12 && ascii.startsWith("RIFF") && ascii.startsWith("AVI ", 8)) {
      return Container.AVI;
    }
    return n >= 3 && ascii.startsWith("FLV") ? Container.FLV : Container.OTHER;
  }

  /** See {@link VideoHasher#mayBeVideo}. */
  static boolean mayBeVideo(Path file) {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      return isVideo(container(ch));
    } catch (IOException e) {
      return false;
    }
  }

  /** Whether a container holds video (not an image in an ISO box file, not unknown content). */
  static boolean isVideo(Container c) {
    return c != Container.OTHER && c != Container.ISO_IMAGE;
  }

  static boolean decodableFromStream(Path file) {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      switch (container(ch)) {
        case EBML:
        case TRANSPORT_STREAM:
          return true;
        case ISO_MEDIA:
          return moovFirst(ch, ch.size());
        default:
          return false;
      }
    } catch (IOException e) {
      return false; // FFmpeg reads it itself and says what is wrong
    }
  }

  private static Container container(FileChannel ch) throws IOException {
    ByteBuffer head = ByteBuffer.allocate(HEAD);
    while (head.hasRemaining() && ch.read(head, head.position()) > 0) {
      // Read until the head is full or the file ends.
    }
    return container(head.array(), head.position());
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
