package io.siodoctor.rules.api;

import io.siodoctor.parsers.record.LogEvent;
import io.siodoctor.parsers.record.Record;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The facts a rule reads, on the rule class next to its {@link Cause}: the engine hands the rule a
 * {@link Incident#view view} of the incident holding only these (records of these kinds, the
 * sessions built from them, the incident's log lines of these events), and plans from every rule's
 * declaration what the parsers make and the incident keeps (error-prone's scanner sends each check
 * only the nodes it asked for). Every built-in rule declares one; {@code CauseCatalog} checks it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Reads {

  /** The record kinds read: {@code HttpExchange}, {@code WsFrame}, {@code LogLine}. */
  Class<? extends Record>[] records();

  /**
   * The events of the incident's log lines read ({@code logLines()}, {@code logLines(event)},
   * {@code records()}); {@code OTHER}, the lines no parser recognised, makes every parser keep them.
   */
  LogEvent[] events() default {};

  /**
   * Whether the bodies of requests that are not Socket.IO traffic (scripts, images, API answers)
   * are read: HAR parsers skip them unless some rule does. Engine.IO bodies and HTML pages are
   * always there.
   */
  boolean otherBodies() default false;
}
