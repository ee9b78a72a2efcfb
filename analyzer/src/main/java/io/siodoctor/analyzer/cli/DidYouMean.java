package io.siodoctor.analyzer.cli;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * "Did you mean": the known name nearest to a mistyped one, by edit distance (insertions,
 * deletions, substitutions, and swaps of two neighbours: {@code --formt}, {@code --fromat}). Only
 * near names are offered: at most 2 edits, and fewer than half the typed name's letters.
 */
final class DidYouMean {
  private DidYouMean() {}

  /** The option nearest to the unknown {@code typed} ({@code --formt} → {@code --format}), or null. */
  static String option(String typed, Options options) {
    String bare = typed.replaceFirst("^-+", "");
    int eq = bare.indexOf('=');
    if (eq >= 0) {
      bare = bare.substring(0, eq);
    }
    List<String> names = new ArrayList<>();
    for (Option o : options.getOptions()) {
      if (o.getLongOpt() != null) {
        names.add(o.getLongOpt());
      }
    }
    String best = nearest(bare, names);
    return best == null ? null : "--" + best;
  }

  static String nearest(String typed, Collection<String> names) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String n : names) {
      int d = distance(typed, n);
      if (d < bestDistance) {
        best = n;
        bestDistance = d;
      }
    }
    int allowed = Math.min(2, Math.max(1, typed.length() / 2 - 1));
    return best != null && bestDistance <= allowed && bestDistance > 0 ? best : null;
  }

  /** Optimal string alignment distance; the names are short, so the full table is fine. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
