package io.siodoctor.analyzer.scan;

import io.siodoctor.parsers.logs.NodeNames;
import io.siodoctor.parsers.record.LogLine;

/** The server node a log line comes from, also for members of archives. */
public final class LogNodes {
  private LogNodes() {}

  /** The parser's node, or the name of the file (or archive member) when the line names none. */
  public static String of(LogLine line) {
    return line.node() != null ? line.node() : NodeNames.fromFile(line.location().file());
  }
}
