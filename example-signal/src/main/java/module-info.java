/**
 * An example signal plug-in: a 64-bit difference hash ({@code dhash64}) that hotlinekit finds with
 * {@link java.util.ServiceLoader}, computes beside MD5 and PDQ, carries in lists and matches within
 * 10 bits. Copy it to wrap your own (or licensed) hasher.
 */
module org.hotlinekit.example.signal {
  requires org.hotlinekit.hashing;

  exports org.hotlinekit.example.signal;

  provides org.hotlinekit.hashing.spi.SignalHasher
      with org.hotlinekit.example.signal.DifferenceHash;
}
