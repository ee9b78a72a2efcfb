package io.siodoctor.rules.signals;

import io.siodoctor.parsers.record.Header;
import io.siodoctor.parsers.record.HttpExchange;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Cookie names (never values) from request {@code Cookie} and response {@code Set-Cookie} headers.
 * Names only: a value is a secret, and what a rule needs to know is which cookie went where.
 */
public final class Cookies {
  private Cookies() {}

  /** The names of the cookies a response sets, in header order. */
  public static Set<String> set(HttpExchange x) {
    Set<String> names = new LinkedHashSet<>();
    for (Header h : x.responseHeaders()) {
      if (h.is("Set-Cookie")) {
        // one header may hold several cookies joined by newlines (Chrome's raw headers do)
        for (String line : h.value().split("\n", -1)) {
          String name = nameOf(line);
          if (!name.isEmpty()) {
            names.add(name);
          }
        }
      }
    }
    return names;
  }

  /** The names of the cookies a request sent. */
  public static Set<String> sent(HttpExchange x) {
    Set<String> names = new LinkedHashSet<>();
    for (Header h : x.requestHeaders()) {
      if (h.is("Cookie")) {
        for (String pair : h.value().split(";", -1)) {
          String name = nameOf(pair);
          if (!name.isEmpty()) {
            names.add(name);
          }
        }
      }
    }
    return names;
  }

  /** Whether any request or response of these exchanges carries a cookie header at all. */
  public static boolean anyCookieHeader(List<HttpExchange> xs) {
    for (HttpExchange x : xs) {
      for (Header h : x.requestHeaders()) {
        if (h.is("Cookie")) {
          return true;
        }
      }
      for (Header h : x.responseHeaders()) {
        if (h.is("Set-Cookie")) {
          return true;
        }
      }
    }
    return false;
  }

  /** The attributes of the first {@code Set-Cookie} for {@code name}, lower-cased ("" when none). */
  public static String attributes(HttpExchange x, String name) {
    for (Header h : x.responseHeaders()) {
      if (h.is("Set-Cookie")) {
        for (String line : h.value().split("\n", -1)) {
          if (nameOf(line).equals(name)) {
            int semi = line.indexOf(';');
            return semi < 0 ? "" : line.substring(semi + 1).toLowerCase(Locale.ROOT);
          }
        }
      }
    }
    return "";
  }

  private static String nameOf(String pair) {
    int eq = pair.indexOf('=');
    return (eq < 0 ? "" : pair.substring(0, eq)).strip();
  }
}
