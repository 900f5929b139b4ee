/*
 * Brute-force PDQ matching, the baseline a user would write in C: reads a list of PDQ hashes
 * (64 hex digits per line) and a file of query hashes, and prints, for every query, every list
 * position within the distance, as "query_index list_index distance". No index: every query is
 * compared with every list hash by XOR and popcount.
 *
 *   cc -O2 -march=native -o pdq-scan benchmarks/native/pdq-scan.c
 *   ./pdq-scan LIST QUERIES [MAX_DISTANCE=31] > pairs.txt
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int hexval(int c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

/* Reads 64-hex-digit lines into 4 words each, most significant first; returns the count. */
static size_t load(const char *path, uint64_t **out) {
  FILE *f = fopen(path, "r");
  if (!f) { perror(path); exit(2); }
  size_t cap = 1 << 16, n = 0;
  uint64_t *w = malloc(cap * 32);
  char line[256];
  while (fgets(line, sizeof line, f)) {
    size_t len = strcspn(line, "\r\n");
    if (len == 0) continue;
    if (len != 64) { fprintf(stderr, "%s: not a PDQ hash: %s\n", path, line); exit(2); }
    if (n == cap) { cap *= 2; w = realloc(w, cap * 32); }
    for (int k = 0; k < 4; k++) {
      uint64_t v = 0;
      for (int j = 0; j < 16; j++) {
        int h = hexval(line[16 * k + j]);
        if (h < 0) { fprintf(stderr, "%s: bad hex: %s\n", path, line); exit(2); }
        v = (v << 4) | (uint64_t) h;
      }
      w[4 * n + k] = v;
    }
    n++;
  }
  fclose(f);
  *out = w;
  return n;
}

int main(int argc, char **argv) {
  if (argc < 3) { fprintf(stderr, "usage: pdq-scan LIST QUERIES [MAX_DISTANCE]\n"); return 2; }
  int max = argc > 3 ? atoi(argv[3]) : 31;
  uint64_t *list, *queries;
  size_t n = load(argv[1], &list);
  size_t q = load(argv[2], &queries);
  for (size_t i = 0; i < q; i++) {
    const uint64_t *a = queries + 4 * i;
    for (size_t j = 0; j < n; j++) {
      const uint64_t *b = list + 4 * j;
      int d = __builtin_popcountll(a[0] ^ b[0]) + __builtin_popcountll(a[1] ^ b[1])
          + __builtin_popcountll(a[2] ^ b[2]) + __builtin_popcountll(a[3] ^ b[3]);
      if (d <= max) printf("%zu %zu %d\n", i, j, d);
    }
  }
  return 0;
}
