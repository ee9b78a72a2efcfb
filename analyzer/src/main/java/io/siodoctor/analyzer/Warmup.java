package io.siodoctor.analyzer;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.siodoctor.rules.api.Rule;
import io.siodoctor.rules.engine.BuiltInRules;
import io.siodoctor.rules.engine.CauseCatalog;
import java.util.List;

/**
 * Start-up work of {@code analyze} done ahead on the second core, while the main thread parses the
 * options and reads the built-in causes: an {@link ObjectMapper}'s class initialisation (its default
 * date format asks the JDK for the calendar data of every locale, ~50 ms), which the first Engine.IO
 * packet of almost any capture needs, then the built-in causes from the last one backwards (the main
 * thread reads them from the first: they meet in the middle; {@link CauseCatalog#describe} keeps
 * each one read). Only timing changes: a class is initialised once, whichever thread gets there
 * first, and the other waits for it; a cause read twice reads the same.
 */
public final class Warmup extends Thread {
  private Warmup() {
    super("sio-doctor-warmup");
    setDaemon(true); // never keeps the JVM alive
  }

  /** Starts the warm-up; returns at once. */
  public static void begin() {
    new Warmup().start();
  }

  @Override
  public void run() {
    new ObjectMapper();
    List<Rule> rules = BuiltInRules.all();
    for (int i = rules.size() - 1; i >= rules.size() / 2; i--) {
      CauseCatalog.describe(rules.get(i));
    }
  }
}
