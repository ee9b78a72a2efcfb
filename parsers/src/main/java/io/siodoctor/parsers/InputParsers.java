package io.siodoctor.parsers;

import java.util.List;

/**
 * Every built-in input format, in sniffing order: the first parser whose {@link
 * InputParser#sniff} accepts the head of an input reads it. Specific formats come before generic
 * ones; the generic timestamped-line parser is last.
 */
public final class InputParsers {
  private InputParsers() {}

  public static List<InputParser> all() {
    return List.of(
        // HAR first: it is JSON, and so are JSON-lines logs
        // (parsers are added here as they land: HarParser, then the log formats, GenericLogParser last)
        );
  }
}
