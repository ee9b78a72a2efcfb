package io.siodoctor.rules.api;

import java.util.List;

/**
 * A cause's metadata ({@link Cause}) joined with its prose from {@code causes/<id>.md}: what the
 * renderers print next to each finding.
 */
public record CauseInfo(
    String id,
    String title,
    Severity severity,
    Category category,
    String docs,
    List<String> subsumes,
    String since,
    String explanation,
    String fix) {

  public CauseInfo {
    subsumes = List.copyOf(subsumes);
  }
}
