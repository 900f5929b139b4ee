package org.hotlinekit.hashing.video;

import java.nio.ByteBuffer;
import org.hotlinekit.core.hash.HashType;
import org.hotlinekit.core.hash.HashValue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.hotlinekit.core.MalformedInputException;
import org.hotlinekit.core.pdq.PdqHash;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/**
 * A video's vPDQ hash: its hashed frames in frame order. Two text forms are read and written:
 * the reference tool's (one line per frame, {@code <frame>,<quality>,<hex>,<timestamp>}) and
 * python-threatexchange's signal (a JSON array of {@code "<hex>,<quality>,<timestamp>"}, without
 * frame numbers).
 */
public final class VpdqHash {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final List<VpdqFeature> features;

  private VpdqHash(List<VpdqFeature> features) {
    this.features = features;
  }

  /**
   * A hash of the given frames.
   *
   * @param features the frames, in increasing frame numbers (none twice)
   * @return the hash
   * @throws IllegalArgumentException if the frame numbers do not increase
   */
  public static VpdqHash of(List<VpdqFeature> features) {
    List<VpdqFeature> copy = List.copyOf(features);
    for (int i = 1; i < copy.size(); i++) {
      if (copy.get(i).frame() <= copy.get(i - 1).frame()) {
        throw new IllegalArgumentException("frame numbers must increase: " + copy.get(i - 1).frame()
            + " then " + copy.get(i).frame());
      }
    }
    return new VpdqHash(copy);
  }

  /**
   * The hashed frames.
   *
   * @return the frames in frame order, unmodifiable
   */
  public List<VpdqFeature> features() {
    return features;
  }

  /**
   * The reference tool's text form.
   *
   * @return one line per frame, each ending with a newline (empty for no frames)
   */
  public String toReferenceText() {
    StringBuilder b = new StringBuilder(features.size() * 80);
    for (VpdqFeature f : features) {
      b.append(f.toReferenceLine()).append('\n');
    }
    return b.toString();
  }

  /**
   * Reads the reference tool's text form. Blank lines are skipped.
   *
   * @param text the text
   * @param name what it is, for errors (e.g. a file name)
   * @return the hash
   * @throws MalformedInputException naming the line, if a line is not {@code
   *     frame,quality,hex,timestamp} or the frame numbers do not increase
   */
  public static VpdqHash parseReferenceText(String text, String name) {
    Objects.requireNonNull(text, "text");
    List<VpdqFeature> out = new ArrayList<>();
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty()) {
        continue;
      }
      String[] p = line.split(",", -1);
      String at = name + ": line " + (i + 1) + ": ";
      if (p.length != 4) {
        throw new MalformedInputException(at + "expected frame,quality,hash,timestamp");
      }
      VpdqFeature f = feature(at, p[0], p[2], p[1], p[3]);
      if (!out.isEmpty() && f.frame() <= out.get(out.size() - 1).frame()) {
        throw new MalformedInputException(at + "frame " + f.frame() + " does not follow frame "
            + out.get(out.size() - 1).frame());
      }
      out.add(f);
    }
    return new VpdqHash(Collections.unmodifiableList(out));
  }

  /**
   * python-threatexchange's signal form.
   *
   * @return a JSON array of {@code "<hex>,<quality>,<timestamp with 3 decimals>"}
   */
  public String toSignal() {
    ArrayNode a = JSON.createArrayNode();
    for (VpdqFeature f : features) {
      a.add(f.hash() + "," + f.quality() + ","
          + String.format(Locale.ROOT, "%.3f", f.timestamp()));
    }
    return JSON.writeValueAsString(a);
  }

  /**
   * Reads python-threatexchange's signal form. The signal has no frame numbers: each frame gets
   * its position in the array.
   *
   * @param json the JSON array
   * @param name what it is, for errors
   * @return the hash
   * @throws MalformedInputException naming the element, if the text is not such an array
   */
  public static VpdqHash parseSignal(String json, String name) {
    Objects.requireNonNull(json, "json");
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JacksonException e) {
      throw new MalformedInputException(name + ": not JSON: " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isArray()) {
      throw new MalformedInputException(name + ": a vPDQ signal is a JSON array of strings");
    }
    List<VpdqFeature> out = new ArrayList<>();
    for (int i = 0; i < root.size(); i++) {
      JsonNode n = root.get(i);
      String at = name + ": element " + i + ": ";
      if (!n.isString()) {
        throw new MalformedInputException(at + "expected a string \"hash,quality,timestamp\"");
      }
      String[] p = n.asString().split(",", -1);
      if (p.length != 3) {
        throw new MalformedInputException(at + "expected \"hash,quality,timestamp\"");
      }
      out.add(feature(at, Integer.toString(i), p[0], p[1], p[2]));
    }
    return new VpdqHash(Collections.unmodifiableList(out));
  }

  private static VpdqFeature feature(String at, String frame, String hex, String quality,
      String timestamp) {
    try {
      return new VpdqFeature(Integer.parseInt(frame.strip()), PdqHash.parse(hex.strip()),
          Integer.parseInt(quality.strip()), Double.parseDouble(timestamp.strip()));
    } catch (IllegalArgumentException | MalformedInputException e) {
      throw new MalformedInputException(at + e.getMessage(), e);
    }
  }

  /**
   * This hash as a value of {@link HashType#VPDQ}, the form hash lists, matches and index files
   * hold it in.
   *
   * @return the value
   * @throws MalformedInputException if the hash has no frames (a value has at least one)
   */
  public HashValue toValue() {
    int n = HashType.VPDQ_FRAME_BYTES;
    ByteBuffer b = ByteBuffer.allocate(n * features.size());
    for (VpdqFeature f : features) {
      b.putInt(f.frame()).put((byte) f.quality()).put(f.hash().toByteArray())
          .putDouble(f.timestamp());
    }
    return HashValue.of(HashType.VPDQ, b.array());
  }

  /**
   * The hash a {@link HashType#VPDQ} value holds.
   *
   * @param value a vPDQ value
   * @return the hash
   * @throws IllegalArgumentException if the value is of another type
   */
  public static VpdqHash of(HashValue value) {
    if (value.type() != HashType.VPDQ) {
      throw new IllegalArgumentException("not a vpdq value: " + value.type());
    }
    ByteBuffer b = ByteBuffer.wrap(value.toByteArray());
    int n = HashType.VPDQ_FRAME_BYTES;
    List<VpdqFeature> out = new ArrayList<>(b.capacity() / n);
    byte[] pdq = new byte[32];
    while (b.hasRemaining()) {
      int frame = b.getInt();
      int quality = b.get();
      b.get(pdq);
      out.add(new VpdqFeature(frame, PdqHash.fromByteArray(pdq), quality, b.getDouble()));
    }
    return new VpdqHash(Collections.unmodifiableList(out));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof VpdqHash && ((VpdqHash) o).features.equals(features);
  }

  @Override
  public int hashCode() {
    return features.hashCode();
  }

  @Override
  public String toString() {
    return "VpdqHash[" + features.size() + " frames]";
  }
}
