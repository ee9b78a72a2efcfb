package io.siodoctor.analyzer.scan;

import java.io.Serializable;
import java.time.Instant;
import java.util.Comparator;

/**
 * One example of a cause in the summary: where, when, the redacted excerpt, and why it counts (the
 * rule's note, e.g. which node issued the sid), or null.
 */
public record Example(String file, String location, Instant time, String excerpt, String note)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Earliest first; the same examples whatever order the threads finished in. */
  static final Comparator<Example> ORDER =
      Comparator.comparing(Example::time, Comparator.nullsLast(Comparator.naturalOrder()))
          .thenComparing(Example::file)
          .thenComparing(Example::location);
}
