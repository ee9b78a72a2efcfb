package io.siodoctor.analyzer.scan;

import io.siodoctor.parsers.logs.NodeNames;
import io.siodoctor.parsers.record.LogLine;

/** The server node a log line comes from, also for members of archives. */
public final class LogNodes {
  private LogNodes() {}

  /**
   * The parser's node, or the member's own name when the parser had none or took it from an archive
   * path ({@code night.tar.gz!node-b.log} stands for {@code node-b}, not {@code night.tar.gz!node-b}).
   */
  public static String of(LogLine line) {
    String n = line.node();
    if (n == null || n.indexOf('!') >= 0) {
      String file = line.location().file();
      n = NodeNames.fromFile(file.substring(file.lastIndexOf('!') + 1));
    }
    return n;
  }
}
