package org.hotlinekit.hashing.list;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.hotlinekit.core.hash.HashType;
import org.hotlinekit.core.hash.HashValue;

/**
 * One entry of a hash list: an id, one hash, and what the list says about it (a classification
 * label such as {@code A1} or UK {@code A}, tags, when it was added, where it came from; for PDQ the
 * quality when known). Immutable.
 */
public final class HashListEntry {
  private final String id;
  private final HashValue hash;
  private final int quality;
  private final String label;
  private final List<String> tags;
  private final Instant added;
  private final String source;

  private HashListEntry(Builder b) {
    this.id = b.id;
    this.hash = b.hash;
    this.quality = b.quality;
    this.label = b.label;
    this.tags = List.copyOf(b.tags);
    this.added = b.added;
    this.source = b.source;
  }

  /**
   * Starts an entry.
   *
   * @param id the entry's id within its list (non-empty)
   * @param hash the hash
   * @return a builder
   */
  public static Builder builder(String id, HashValue hash) {
    return new Builder(id, hash);
  }

  /**
   * The id.
   *
   * @return the entry's id within its list
   */
  public String id() {
    return id;
  }

  /**
   * The hash.
   *
   * @return the hash
   */
  public HashValue hash() {
    return hash;
  }

  /**
   * The PDQ quality, when the list gives it.
   *
   * @return 0..100, or empty
   */
  public OptionalInt quality() {
    return quality < 0 ? OptionalInt.empty() : OptionalInt.of(quality);
  }

  /**
   * The classification label the list gives.
   *
   * @return e.g. {@code "A1"}, or empty
   */
  public Optional<String> label() {
    return Optional.ofNullable(label);
  }

  /**
   * The tags.
   *
   * @return an unmodifiable list, possibly empty
   */
  public List<String> tags() {
    return tags;
  }

  /**
   * When the entry was added to the list.
   *
   * @return the time, or empty
   */
  public Optional<Instant> added() {
    return Optional.ofNullable(added);
  }

  /**
   * Where the entry came from.
   *
   * @return e.g. a contributing organisation, or empty
   */
  public Optional<String> source() {
    return Optional.ofNullable(source);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof HashListEntry)) {
      return false;
    }
    HashListEntry e = (HashListEntry) o;
    return id.equals(e.id) && hash.equals(e.hash) && quality == e.quality
        && Objects.equals(label, e.label) && tags.equals(e.tags) && Objects.equals(added, e.added)
        && Objects.equals(source, e.source);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, hash, quality, label, tags, added, source);
  }

  @Override
  public String toString() {
    return "HashListEntry[" + id + ", " + hash.type().id() + "]";
  }

  /** Builds a {@link HashListEntry}. */
  public static final class Builder {
    private final String id;
    private final HashValue hash;
    private int quality = -1;
    private String label;
    private List<String> tags = List.of();
    private Instant added;
    private String source;

    private Builder(String id, HashValue hash) {
      this.id = Objects.requireNonNull(id, "id");
      if (id.isEmpty()) {
        throw new IllegalArgumentException("an entry id must not be empty");
      }
      this.hash = Objects.requireNonNull(hash, "hash");
    }

    /**
     * Sets the PDQ quality.
     *
     * @param quality 0..100
     * @return this builder
     * @throws IllegalArgumentException if out of range or the hash is not PDQ
     */
    public Builder quality(int quality) {
      if (hash.type() != HashType.PDQ || quality < 0 || quality > 100) {
        throw new IllegalArgumentException("quality 0..100 is for PDQ entries, got " + quality);
      }
      this.quality = quality;
      return this;
    }

    /**
     * Sets the label.
     *
     * @param label the classification label
     * @return this builder
     */
    public Builder label(String label) {
      this.label = Objects.requireNonNull(label, "label");
      return this;
    }

    /**
     * Sets the tags.
     *
     * @param tags the tags
     * @return this builder
     */
    public Builder tags(List<String> tags) {
      this.tags = List.copyOf(tags);
      return this;
    }

    /**
     * Sets when the entry was added.
     *
     * @param added the time
     * @return this builder
     */
    public Builder added(Instant added) {
      this.added = Objects.requireNonNull(added, "added");
      return this;
    }

    /**
     * Sets the source.
     *
     * @param source where the entry came from
     * @return this builder
     */
    public Builder source(String source) {
      this.source = Objects.requireNonNull(source, "source");
      return this;
    }

    /**
     * Creates the entry.
     *
     * @return the entry
     */
    public HashListEntry build() {
      return new HashListEntry(this);
    }
  }
}
