package org.hotlinekit.scan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hotlinekit.core.digest.DigestAlgorithm;

/** Marks exact copies: items whose content has the SHA-256 of an earlier item in scan order. */
final class Copies {
  private Copies() {}

  static List<ScanItem> mark(List<ScanItem> items) {
    Map<String, String> first = new HashMap<>();
    List<ScanItem> out = new ArrayList<>(items.size());
    for (ScanItem it : items) {
      String sha = it.outcome().hashes().flatMap(h -> h.digests().get(DigestAlgorithm.SHA256))
          .map(Object::toString).orElse(null);
      if (sha == null) {
        out.add(it);
        continue;
      }
      String seen = first.putIfAbsent(sha, it.name());
      out.add(seen == null ? it : it.withSameAs(seen));
    }
    return out;
  }
}
