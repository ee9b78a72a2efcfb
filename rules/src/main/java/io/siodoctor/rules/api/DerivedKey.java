package io.siodoctor.rules.api;

import io.siodoctor.parsers.ReadSet;
import java.util.function.Function;

/**
 * A value derived once per incident and shared by the rules that need it (error-prone's
 * {@code VisitorState.memoize}, Tika's {@code ParseContext.get(Class)}): a typed key, so the cache
 * needs no cast at its callers. The key declares what its computation reads; it is computed on a
 * view holding only that, and a rule may ask for it only when the rule's own declaration covers it.
 * Compared by identity: keep each key in a constant.
 *
 * @param <T> the value's type
 */
public final class DerivedKey<T> {
  private final String name;
  private final ReadSet reads;
  private final Function<Incident, T> compute;

  private DerivedKey(String name, ReadSet reads, Function<Incident, T> compute) {
    this.name = name;
    this.reads = reads;
    this.compute = compute;
  }

  /**
   * @param name for messages
   * @param reads what {@code compute} reads of the incident
   * @param compute makes the value from a view of the incident holding only {@code reads}
   */
  public static <T> DerivedKey<T> of(String name, ReadSet reads, Function<Incident, T> compute) {
    return new DerivedKey<>(name, reads, compute);
  }

  public String name() {
    return name;
  }

  public ReadSet reads() {
    return reads;
  }

  T compute(Incident view) {
    return compute.apply(view);
  }

  @Override
  public String toString() {
    return "DerivedKey[" + name + ", " + reads + "]";
  }
}
