package io.siodoctor.rules.api;

import java.util.Optional;

/**
 * Decides whether one cause is present in an incident. A rule reads records and sessions; it never
 * parses bytes and never does I/O. Its metadata is the {@link Cause} annotation on the class.
 */
public interface Rule {

  Optional<Finding> check(Incident incident);
}
