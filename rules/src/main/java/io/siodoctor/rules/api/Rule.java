package io.siodoctor.rules.api;

import io.siodoctor.parsers.ReadSet;
import java.util.List;
import java.util.Optional;

/**
 * Decides whether one cause is present in an incident. A rule reads records and sessions; it never
 * parses bytes and never does I/O. Its metadata is the {@link Cause} annotation on the class, what
 * it reads the {@link Reads} annotation: {@link #check} receives a view of the incident holding
 * only that.
 */
public interface Rule {

  Optional<Finding> check(Incident incident);

  /** What this rule reads: its {@link Reads} annotation; null when it has none (the catalog refuses it). */
  default ReadSet reads() {
    return readsOf(getClass());
  }

  /** The declaration of a rule class's {@link Reads} annotation, or null when it has none. */
  static ReadSet readsOf(Class<?> type) {
    Reads r = type.getAnnotation(Reads.class);
    if (r == null) {
      return null;
    }
    ReadSet declared = ReadSet.of(List.of(r.records()), List.of(r.events()));
    return r.otherBodies() ? declared.withOtherBodies() : declared;
  }
}
