package org.hotlinekit.scan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hotlinekit.core.pdq.Dihedral;
import org.hotlinekit.core.pdq.DihedralPdqHashes;
import org.hotlinekit.core.pdq.PdqHash;
import org.hotlinekit.hashing.group.NearDuplicateGroups;
import org.hotlinekit.hashing.match.Triage;
import org.hotlinekit.hashing.media.MediaHashes;

/**
 * Groups the new items by near-duplicate PDQ hashes: the distinct contents are grouped ({@link
 * NearDuplicateGroups}), and exact copies join the group of their first.
 */
final class Grouper {
  private Grouper() {}

  static Grouped group(List<ScanItem> items, int maxDistance, boolean dihedral) {
    // The distinct new contents with a PDQ hash, in scan order.
    List<Integer> distinct = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      ScanItem it = items.get(i);
      if (it.status() == Triage.Status.NEW && it.sameAs().isEmpty()
          && it.outcome().hashes().flatMap(MediaHashes::pdq).isPresent()) {
        distinct.add(i);
      }
    }
    if (distinct.isEmpty()) {
      return new Grouped(items, List.of());
    }
    boolean variants = dihedral && distinct.stream().allMatch(i -> hashes(items, i).dihedral()
        .isPresent());
    NearDuplicateGroups grouper = NearDuplicateGroups.builder().maxDistance(maxDistance).build();
    NearDuplicateGroups.Grouping g;
    if (variants) {
      List<DihedralPdqHashes> all = new ArrayList<>();
      for (int i : distinct) {
        all.add(hashes(items, i).dihedral().orElseThrow());
      }
      g = grouper.groupDihedral(all);
    } else {
      List<PdqHash> all = new ArrayList<>();
      for (int i : distinct) {
        all.add(hashes(items, i).pdq().orElseThrow().hash());
      }
      g = grouper.group(all);
    }
    // Copies of a grouped content, by the name of their first.
    Map<String, List<Integer>> copies = new HashMap<>();
    for (int i = 0; i < items.size(); i++) {
      ScanItem it = items.get(i);
      if (it.status() == Triage.Status.NEW && it.sameAs().isPresent()) {
        copies.computeIfAbsent(it.sameAs().get(), k -> new ArrayList<>()).add(i);
      }
    }
    record Draft(int representative, List<int[]> members, int size) {}
    List<Draft> drafts = new ArrayList<>();
    for (int[] component : g.groups()) {
      int rep = distinct.get(component[0]);
      for (int c : component) {
        int i = distinct.get(c);
        if (better(items, i, rep)) {
          rep = i;
        }
      }
      List<int[]> members = new ArrayList<>(); // {item, distance}
      for (int c : component) {
        int i = distinct.get(c);
        int d = distance(items, rep, i, variants);
        members.add(new int[] {i, d});
        for (int copy : copies.getOrDefault(items.get(i).name(), List.of())) {
          members.add(new int[] {copy, d});
        }
      }
      int repIndex = rep;
      members.sort(Comparator.<int[]>comparingInt(m -> m[0] == repIndex ? 0 : 1)
          .thenComparingInt(m -> m[1]).thenComparingInt(m -> m[0]));
      drafts.add(new Draft(rep, members, members.size()));
    }
    drafts.sort(Comparator.comparingInt((Draft d) -> -d.size())
        .thenComparingInt(d -> -quality(items, d.representative()))
        .thenComparingInt(Draft::representative));
    List<ScanItem> out = new ArrayList<>(items);
    List<ScanGroup> groups = new ArrayList<>();
    for (int k = 0; k < drafts.size(); k++) {
      Draft d = drafts.get(k);
      String id = "g-" + (k + 1);
      List<ScanGroup.Member> members = new ArrayList<>();
      for (int[] m : d.members()) {
        members.add(new ScanGroup.Member(items.get(m[0]).name(), m[1]));
        out.set(m[0], out.get(m[0]).withGroup(id));
      }
      groups.add(new ScanGroup(id, items.get(d.representative()).name(),
          quality(items, d.representative()), members));
    }
    return new Grouped(out, groups);
  }

  private static MediaHashes hashes(List<ScanItem> items, int i) {
    return items.get(i).outcome().hashes().orElseThrow();
  }

  private static int quality(List<ScanItem> items, int i) {
    return hashes(items, i).pdq().orElseThrow().quality();
  }

  private static long pixels(List<ScanItem> items, int i) {
    MediaHashes h = hashes(items, i);
    return (long) h.width().orElse(0) * h.height().orElse(0);
  }

  /** Whether item a is a better representative than b: quality, then pixels, then order. */
  private static boolean better(List<ScanItem> items, int a, int b) {
    int qa = quality(items, a);
    int qb = quality(items, b);
    if (qa != qb) {
      return qa > qb;
    }
    long pa = pixels(items, a);
    long pb = pixels(items, b);
    return pa != pb ? pa > pb : a < b;
  }

  private static int distance(List<ScanItem> items, int rep, int member, boolean variants) {
    PdqHash m = hashes(items, member).pdq().orElseThrow().hash();
    if (!variants) {
      return hashes(items, rep).pdq().orElseThrow().hash().hammingDistance(m);
    }
    DihedralPdqHashes r = hashes(items, rep).dihedral().orElseThrow();
    DihedralPdqHashes mv = hashes(items, member).dihedral().orElseThrow();
    int best = Integer.MAX_VALUE;
    for (Dihedral v : Dihedral.values()) {
      best = Math.min(best, r.get(v).hammingDistance(m));
      best = Math.min(best, mv.get(v).hammingDistance(r.get(Dihedral.ORIG)));
    }
    return best;
  }
}
