package org.hotlinekit.hashing.testing;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.CRC32C;

/**
 * Test-side view of the checked-region layout that index files use, written from its
 * documentation: data, one CRC32C per 4 KiB block, then a 24-byte little-endian trailer (data
 * length, CRC32C of the block checksums, block shift, magic). Lets a test craft a region whose
 * checksums are right but whose content is wrong.
 */
public final class Regions {
  private Regions() {}

  /** The trailer's size in bytes. */
  public static final int TRAILER = 24;

  /**
   * The data length of the region that ends at {@code end} (exclusive) in {@code file}.
   *
   * @param file the file's bytes
   * @param end one past the region's last byte
   * @return the data length
   */
  public static long dataLength(byte[] file, int end) {
    return ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN).getLong(end - TRAILER);
  }

  /**
   * Recomputes the block checksums and the trailer's checksum of the region at {@code [start,
   * end)} of {@code file}, in place, after a test changed its data.
   *
   * @param file the file's bytes
   * @param start where the region starts
   * @param end one past its last byte
   */
  public static void reseal(byte[] file, int start, int end) {
    ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
    int length = (int) dataLength(file, end);
    int block = 1 << b.getInt(end - TRAILER + 12);
    int blocks = (length + block - 1) / block;
    int table = start + length;
    for (int k = 0; k < blocks; k++) {
      CRC32C crc = new CRC32C();
      int from = start + block * k;
      crc.update(file, from, Math.min(block, start + length - from));
      b.putInt(table + 4 * k, (int) crc.getValue());
    }
    CRC32C all = new CRC32C();
    all.update(file, table, 4 * blocks);
    b.putInt(end - TRAILER + 8, (int) all.getValue());
  }
}
