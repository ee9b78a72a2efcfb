package io.siodoctor.parsers.record;

import java.util.List;
import java.util.Optional;

/** Case-insensitive look-ups over a header list. */
public final class Headers {
  private Headers() {}

  public static Optional<String> first(List<Header> headers, String name) {
    for (Header h : headers) {
      if (h.is(name)) {
        return Optional.of(h.value());
      }
    }
    return Optional.empty();
  }

  public static boolean has(List<Header> headers, String name) {
    return first(headers, name).isPresent();
  }
}
