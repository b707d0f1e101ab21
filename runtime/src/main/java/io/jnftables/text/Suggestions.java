package io.jnftables.text;

import java.util.Collection;
import org.jspecify.annotations.Nullable;

/**
 * "Did you mean": the candidate closest to a misspelt word by optimal-string-alignment distance
 * (Levenshtein plus adjacent transpositions, so {@code tpc} is one edit from {@code tcp}). A
 * candidate qualifies at distance at most 2, or at most 1 for words of three characters or fewer
 * (otherwise every short word would "mean" some other short keyword). Ties go to the candidate
 * listed first.
 */
public final class Suggestions {
  private Suggestions() {}

  /** The best candidate for {@code word}, or {@code null} when none is close enough. */
  public static @Nullable String closest(String word, Collection<String> candidates) {
    if (word.isEmpty() || word.length() > 64) {
      return null;
    }
    int limit = word.length() <= 3 ? 1 : 2;
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String c : candidates) {
      if (c.equals(word)) {
        continue;
      }
      int d = distance(word, c);
      if (d <= limit && d < bestDistance) {
        best = c;
        bestDistance = d;
      }
    }
    return best;
  }

  /** Optimal string alignment distance between {@code a} and {@code b}. */
  public static int distance(String a, String b) {
    int n = a.length();
    int m = b.length();
    int[][] d = new int[n + 1][m + 1];
    for (int i = 0; i <= n; i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= m; j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= n; i++) {
      for (int j = 1; j <= m; j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          v = Math.min(v, d[i - 2][j - 2] + 1);
        }
        d[i][j] = v;
      }
    }
    return d[n][m];
  }
}
