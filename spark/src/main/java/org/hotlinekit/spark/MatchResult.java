package org.hotlinekit.spark;

import java.io.Serializable;

/**
 * One list entry a file matched, as a Spark row (a Java bean: {@code Encoders.bean}).
 */
public class MatchResult implements Serializable {
  private static final long serialVersionUID = 1L;

  private String hashType;
  private String hash;
  private String list;
  private String entry;
  private int distance;
  private String label;

  /** An empty row, for Spark's bean encoder. */
  public MatchResult() {}

  /**
   * A match.
   *
   * @param hashType the kind of hash that matched ({@code md5}, {@code pdq}, ...)
   * @param hash the file's hash of that kind
   * @param list the list's name
   * @param entry the entry's id
   * @param distance 0 for exact matches, the Hamming distance for PDQ
   * @param label the entry's label, or null
   */
  public MatchResult(String hashType, String hash, String list, String entry, int distance,
      String label) {
    this.hashType = hashType;
    this.hash = hash;
    this.list = list;
    this.entry = entry;
    this.distance = distance;
    this.label = label;
  }

  /**
   * The kind of hash that matched.
   *
   * @return e.g. {@code pdq}
   */
  public String getHashType() {
    return hashType;
  }

  /**
   * Sets the kind of hash.
   *
   * @param hashType the kind
   */
  public void setHashType(String hashType) {
    this.hashType = hashType;
  }

  /**
   * The file's hash of that kind.
   *
   * @return lowercase hex
   */
  public String getHash() {
    return hash;
  }

  /**
   * Sets the hash.
   *
   * @param hash the hash
   */
  public void setHash(String hash) {
    this.hash = hash;
  }

  /**
   * The list's name.
   *
   * @return the name
   */
  public String getList() {
    return list;
  }

  /**
   * Sets the list's name.
   *
   * @param list the name
   */
  public void setList(String list) {
    this.list = list;
  }

  /**
   * The entry's id.
   *
   * @return the id
   */
  public String getEntry() {
    return entry;
  }

  /**
   * Sets the entry's id.
   *
   * @param entry the id
   */
  public void setEntry(String entry) {
    this.entry = entry;
  }

  /**
   * The distance.
   *
   * @return 0 for exact matches, the Hamming distance for PDQ
   */
  public int getDistance() {
    return distance;
  }

  /**
   * Sets the distance.
   *
   * @param distance the distance
   */
  public void setDistance(int distance) {
    this.distance = distance;
  }

  /**
   * The entry's label.
   *
   * @return the label, or null
   */
  public String getLabel() {
    return label;
  }

  /**
   * Sets the label.
   *
   * @param label the label, or null
   */
  public void setLabel(String label) {
    this.label = label;
  }

  @Override
  public String toString() {
    return list + ":" + entry + ":" + hashType + ":" + distance;
  }
}
