package org.hotlinekit.hashing.group;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.hotlinekit.core.pdq.Dihedral;
import org.hotlinekit.core.pdq.DihedralPdqHashes;
import org.hotlinekit.core.pdq.PdqHash;
import org.hotlinekit.hashing.index.PdqIndex;
import org.hotlinekit.hashing.index.PdqMatch;

/**
 * Groups PDQ hashes into near-duplicate groups: the connected components of the graph in which
 * two hashes are linked when their Hamming distance is at most the threshold. The result is
 * exactly what comparing every pair would give, but each hash is looked up once in a {@link
 * PdqIndex} (a self-join): near-linear in the number of hashes for hashes of distinct pictures,
 * where comparing every pair is quadratic. Immutable and thread-safe.
 *
 * <pre>{@code
 * NearDuplicateGroups.Grouping g = NearDuplicateGroups.builder().maxDistance(31).build()
 *     .group(hashes);
 * for (int[] members : g.groups()) { ... }          // item positions, each group sorted
 * }</pre>
 *
 * <p>Components are transitive: A and C share a group when A is near B and B near C, even if A
 * and C are farther apart than the threshold. That is what an analyst wants from copies of one
 * picture (a crop of a resize of it), and the reason the default threshold is the matching
 * distance, 31, and not more: PDQ hashes of unrelated pictures are about 128 bits apart, and at
 * 31 chains between unrelated pictures are very rare.
 */
public final class NearDuplicateGroups {
  private final int maxDistance;
  private final int threads;

  private NearDuplicateGroups(Builder b) {
    this.maxDistance = b.maxDistance;
    this.threads = b.threads;
  }

  /**
   * Starts configuring.
   *
   * @return a builder: distance {@value PdqHash#RECOMMENDED_MATCH_DISTANCE}, one thread per
   *     processor
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The groups of a set of hashes.
   *
   * @param hashes the hashes; item {@code i} is {@code hashes.get(i)}
   * @return the grouping
   */
  public Grouping group(List<PdqHash> hashes) {
    Objects.requireNonNull(hashes, "hashes");
    return run(hashes, null);
  }

  /**
   * The groups of a set of images, rotated and mirrored copies included: two images are linked
   * when any variant of one is within the threshold of the other's original hash.
   *
   * @param hashes the eight hashes of each image; item {@code i} is {@code hashes.get(i)}
   * @return the grouping
   */
  public Grouping groupDihedral(List<DihedralPdqHashes> hashes) {
    Objects.requireNonNull(hashes, "hashes");
    List<PdqHash> originals = new ArrayList<>(hashes.size());
    for (DihedralPdqHashes h : hashes) {
      originals.add(h.get(Dihedral.ORIG));
    }
    return run(originals, hashes);
  }

  private Grouping run(List<PdqHash> originals, List<DihedralPdqHashes> dihedral) {
    int n = originals.size();
    // Identical hashes are one vertex: a folder of byte-identical or re-saved copies of a picture
    // must not turn the self-join quadratic. (With variants, all eight must be identical.)
    Map<Object, Integer> distinct = new HashMap<>();
    int[] vertexOf = new int[n];
    List<PdqHash> vertices = new ArrayList<>();
    List<Integer> firstItem = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      PdqHash h = Objects.requireNonNull(originals.get(i), "hash");
      Object key = dihedral == null ? h : dihedral.get(i);
      Integer v = distinct.get(key);
      if (v == null) {
        v = vertices.size();
        distinct.put(key, v);
        vertices.add(h);
        firstItem.add(i);
      }
      vertexOf[i] = v;
    }
    UnionFind uf = new UnionFind(vertices.size());
    PdqIndex index = PdqIndex.of(vertices);
    int workers = Math.max(1, Math.min(threads, vertices.size() / 1024 + 1));
    AtomicInteger next = new AtomicInteger();
    Runnable work = () -> {
      int v;
      while ((v = next.getAndIncrement()) < vertices.size()) {
        List<PdqMatch> found = dihedral == null ? index.search(vertices.get(v), maxDistance)
            : index.searchDihedral(dihedral.get(firstItem.get(v)), maxDistance);
        for (PdqMatch m : found) {
          if (m.entry() != v) {
            uf.union(v, m.entry());
          }
        }
      }
    };
    if (workers == 1) {
      work.run();
    } else {
      ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
        Thread t = new Thread(r, "hotlinekit-group");
        t.setDaemon(true);
        return t;
      });
      try {
        List<Future<?>> fs = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
          fs.add(pool.submit(work));
        }
        for (Future<?> f : fs) {
          f.get();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new java.util.concurrent.CancellationException("interrupted while grouping");
      } catch (java.util.concurrent.ExecutionException e) {
        Throwable c = e.getCause();
        throw c instanceof RuntimeException ? (RuntimeException) c : new IllegalStateException(c);
      } finally {
        pool.shutdownNow();
      }
    }
    int[] groupOf = new int[n];
    int[] idOfRoot = new int[vertices.size()];
    Arrays.fill(idOfRoot, -1);
    int groups = 0;
    for (int i = 0; i < n; i++) {
      int root = uf.find(vertexOf[i]);
      if (idOfRoot[root] < 0) {
        idOfRoot[root] = groups++;
      }
      groupOf[i] = idOfRoot[root];
    }
    return new Grouping(groupOf, groups);
  }

  /**
   * The groups found: group ids are numbered from 0 in the order of their first item.
   */
  public static final class Grouping {
    private final int[] groupOf;
    private final int count;

    Grouping(int[] groupOf, int count) {
      this.groupOf = groupOf;
      this.count = count;
    }

    /**
     * How many items were grouped.
     *
     * @return the item count
     */
    public int items() {
      return groupOf.length;
    }

    /**
     * How many groups there are (an item near no other is a group of its own).
     *
     * @return the group count
     */
    public int groupCount() {
      return count;
    }

    /**
     * The group of an item.
     *
     * @param item its position
     * @return its group id, 0..{@code groupCount() - 1}
     */
    public int groupOf(int item) {
      return groupOf[Objects.checkIndex(item, groupOf.length)];
    }

    /**
     * Every group's members.
     *
     * @return per group id, its items in ascending order
     */
    public List<int[]> groups() {
      int[] sizes = new int[count];
      for (int g : groupOf) {
        sizes[g]++;
      }
      List<int[]> out = new ArrayList<>(count);
      for (int s : sizes) {
        out.add(new int[s]);
      }
      int[] fill = new int[count];
      for (int i = 0; i < groupOf.length; i++) {
        int g = groupOf[i];
        out.get(g)[fill[g]++] = i;
      }
      return out;
    }
  }

  /** Union-find with path halving and union by size; unions are serialised, finds are not. */
  private static final class UnionFind {
    private final int[] parent;
    private final int[] size;

    UnionFind(int n) {
      parent = new int[n];
      size = new int[n];
      for (int i = 0; i < n; i++) {
        parent[i] = i;
        size[i] = 1;
      }
    }

    synchronized int find(int x) {
      while (parent[x] != x) {
        parent[x] = parent[parent[x]];
        x = parent[x];
      }
      return x;
    }

    synchronized void union(int a, int b) {
      int ra = find(a);
      int rb = find(b);
      if (ra == rb) {
        return;
      }
      if (size[ra] < size[rb]) {
        int t = ra;
        ra = rb;
        rb = t;
      }
      parent[rb] = ra;
      size[ra] += size[rb];
    }
  }

  /** Configures {@link NearDuplicateGroups}. */
  public static final class Builder {
    private int maxDistance = PdqHash.RECOMMENDED_MATCH_DISTANCE;
    private int threads = Runtime.getRuntime().availableProcessors();

    private Builder() {}

    /**
     * The largest distance that links two hashes.
     *
     * @param distance 0..63 (default 31)
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder maxDistance(int distance) {
      if (distance < 0 || distance > 63) {
        throw new IllegalArgumentException("maxDistance must be 0..63, got " + distance);
      }
      maxDistance = distance;
      return this;
    }

    /**
     * Threads for the self-join.
     *
     * @param n at least 1
     * @return this builder
     * @throws IllegalArgumentException if below 1
     */
    public Builder threads(int n) {
      if (n < 1) {
        throw new IllegalArgumentException("threads must be at least 1");
      }
      threads = n;
      return this;
    }

    /**
     * Builds.
     *
     * @return the grouper
     */
    public NearDuplicateGroups build() {
      return new NearDuplicateGroups(this);
    }
  }
}
