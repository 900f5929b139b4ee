package org.hotlinekit.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * What triage decided for one file, as a Spark row (a Java bean: {@code Encoders.bean}): its
 * status as {@code org.hotlinekit.hashing.match.Triage} decides it on one machine, its hashes,
 * its matches, and why it is unverified or failed.
 */
public class FileResult implements Serializable {
  private static final long serialVersionUID = 1L;

  private String path;
  private String status;
  private String reason;
  private Long size;
  private String md5;
  private String sha1;
  private String sha256;
  private String pdq;
  private Integer quality;
  private List<MatchResult> matches = new ArrayList<>();

  /** An empty row, for Spark's bean encoder. */
  public FileResult() {}

  /**
   * The file's path, as the source gave it.
   *
   * @return the path
   */
  public String getPath() {
    return path;
  }

  /**
   * Sets the path.
   *
   * @param path the path
   */
  public void setPath(String path) {
    this.path = path;
  }

  /**
   * The status.
   *
   * @return {@code known}, {@code new}, {@code unverified} or {@code failed}
   */
  public String getStatus() {
    return status;
  }

  /**
   * Sets the status.
   *
   * @param status the status
   */
  public void setStatus(String status) {
    this.status = status;
  }

  /**
   * Why the file is unverified or failed (the error column).
   *
   * @return the reason, or null when known or new
   */
  public String getReason() {
    return reason;
  }

  /**
   * Sets the reason.
   *
   * @param reason the reason, or null
   */
  public void setReason(String reason) {
    this.reason = reason;
  }

  /**
   * The file's size.
   *
   * @return bytes, or null if it could not be read
   */
  public Long getSize() {
    return size;
  }

  /**
   * Sets the size.
   *
   * @param size bytes, or null
   */
  public void setSize(Long size) {
    this.size = size;
  }

  /**
   * The MD5.
   *
   * @return lowercase hex, or null
   */
  public String getMd5() {
    return md5;
  }

  /**
   * Sets the MD5.
   *
   * @param md5 the digest, or null
   */
  public void setMd5(String md5) {
    this.md5 = md5;
  }

  /**
   * The SHA-1.
   *
   * @return lowercase hex, or null
   */
  public String getSha1() {
    return sha1;
  }

  /**
   * Sets the SHA-1.
   *
   * @param sha1 the digest, or null
   */
  public void setSha1(String sha1) {
    this.sha1 = sha1;
  }

  /**
   * The SHA-256.
   *
   * @return lowercase hex, or null
   */
  public String getSha256() {
    return sha256;
  }

  /**
   * Sets the SHA-256.
   *
   * @param sha256 the digest, or null
   */
  public void setSha256(String sha256) {
    this.sha256 = sha256;
  }

  /**
   * The PDQ hash.
   *
   * @return 64 lowercase hex digits, or null when not computed
   */
  public String getPdq() {
    return pdq;
  }

  /**
   * Sets the PDQ hash.
   *
   * @param pdq the hash, or null
   */
  public void setPdq(String pdq) {
    this.pdq = pdq;
  }

  /**
   * The PDQ quality.
   *
   * @return 0..100, or null
   */
  public Integer getQuality() {
    return quality;
  }

  /**
   * Sets the quality.
   *
   * @param quality the quality, or null
   */
  public void setQuality(Integer quality) {
    this.quality = quality;
  }

  /**
   * The matches.
   *
   * @return the matches, empty unless known
   */
  public List<MatchResult> getMatches() {
    return matches;
  }

  /**
   * Sets the matches.
   *
   * @param matches the matches
   */
  public void setMatches(List<MatchResult> matches) {
    this.matches = matches == null ? new ArrayList<>() : new ArrayList<>(matches);
  }
}
