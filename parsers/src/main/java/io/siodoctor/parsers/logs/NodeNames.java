package io.siodoctor.parsers.logs;

import java.util.Locale;
import java.util.Set;

/** The node name a log file stands for, from its name: {@code logs/node-b.log.gz} is {@code node-b}. */
public final class NodeNames {
  private NodeNames() {}

  private static final Set<String> EXTENSIONS =
      Set.of(
          "log", "logs", "txt", "out", "err", "gz", "gzip", "bz2", "xz", "zst", "zip", "json",
          "jsonl", "ndjson", "old", "bak");

  /**
   * Strips directories, then compression, rotation ({@code .1}, {@code .2}) and log extensions
   * from the end. Returns null when nothing is left.
   */
  public static String fromFile(String file) {
    if (file == null) {
      return null;
    }
    String name = file;
    // an archive member is named "night.tar.gz!node-b.log": the node is the member's name
    int member = name.lastIndexOf('!');
    if (member >= 0) {
      name = name.substring(member + 1);
    }
    int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
    if (slash >= 0) {
      name = name.substring(slash + 1);
    }
    while (true) {
      int dot = name.lastIndexOf('.');
      if (dot <= 0) {
        break;
      }
      String ext = name.substring(dot + 1).toLowerCase(Locale.ROOT);
      if (EXTENSIONS.contains(ext) || (!ext.isEmpty() && ext.length() <= 3 && allDigits(ext))) {
        name = name.substring(0, dot);
      } else {
        break;
      }
    }
    return name.isEmpty() ? null : name;
  }

  private static boolean allDigits(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }
}
