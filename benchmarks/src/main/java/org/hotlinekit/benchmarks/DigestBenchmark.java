package org.hotlinekit.benchmarks;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.hotlinekit.core.digest.DigestAlgorithm;
import org.hotlinekit.core.digest.DigestSet;
import org.hotlinekit.hashing.digest.Digester;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Digest throughput on in-memory data of 1 MiB and 100 MiB. Baseline: one JDK {@code
 * MessageDigest.digest(byte[])} call for the same algorithm (compare MB/s with {@code openssl speed
 * -bytes 1048576 md5 sha1 sha256} on the same machine).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DigestBenchmark {
  @Param({"1048576", "104857600"})
  int size;

  @Param({"MD5", "SHA1", "SHA256"})
  DigestAlgorithm algorithm;

  byte[] data;
  Digester single;
  Digester all;

  @Setup
  public void setUp() {
    data = new byte[size];
    new Random(1).nextBytes(data);
    single = Digester.of(algorithm);
    all = Digester.of(DigestAlgorithm.MD5, DigestAlgorithm.SHA1, DigestAlgorithm.SHA256);
  }

  /** Baseline: the JDK digest alone. */
  @Benchmark
  public byte[] jdkMessageDigest() throws NoSuchAlgorithmException {
    return MessageDigest.getInstance(algorithm.jcaName()).digest(data);
  }

  /** hotlinekit, one algorithm (through the streaming session, 256 KiB at a time). */
  @Benchmark
  public DigestSet hotlinekitOne() {
    return single.digest(new java.io.ByteArrayInputStream(data));
  }

  /** hotlinekit, all three in one pass (the same for every algorithm parameter). */
  @Benchmark
  public DigestSet hotlinekitAllThree() {
    return all.digest(new java.io.ByteArrayInputStream(data));
  }
}
