package io.siodoctor.rules.signals;

import java.util.Locale;
import java.util.Optional;

/**
 * Who can reach a URL's host by its form alone: the machine itself (loopback), a private network
 * (RFC 1918, link-local, shared address space, IPv6 unique-local), a name only a local resolver
 * knows (a single label such as a Docker service name, {@code .local}, {@code .internal}, ...), or
 * anyone (a public name or address). A browser elsewhere cannot reach the first three by design.
 */
public enum HostReach {
  LOOPBACK("a loopback address: the user's own machine"),
  PRIVATE_ADDRESS("a private network address"),
  LOCAL_NAME("a name only a local or container network resolves"),
  PUBLIC("a public host");

  private static final String[] LOCAL_SUFFIXES = {
    ".local", ".internal", ".lan", ".home.arpa", ".intranet", ".localdomain"
  };

  private final String description;

  HostReach(String description) {
    this.description = description;
  }

  /** For a finding's note: "a loopback address: the user's own machine". */
  public String description() {
    return description;
  }

  public boolean reachableFromAnywhere() {
    return this == PUBLIC;
  }

  /** The reach of a URL's host; empty when the URL has no host. */
  public static Optional<HostReach> ofUrl(String url) {
    return host(url).map(HostReach::ofHost);
  }

  /**
   * The host of an absolute URL, lower case, IPv6 without brackets; empty when there is none. Read
   * by hand: {@code java.net.URI} gives no host for names it deems invalid, such as Compose's
   * {@code project_backend_1}.
   */
  public static Optional<String> host(String url) {
    if (url == null) {
      return Optional.empty();
    }
    String u = url.trim();
    int scheme = u.indexOf("://");
    if (scheme <= 0) {
      return Optional.empty();
    }
    int start = scheme + 3;
    int end = start;
    while (end < u.length() && "/?#".indexOf(u.charAt(end)) < 0) {
      end++;
    }
    String authority = u.substring(start, end);
    authority = authority.substring(authority.lastIndexOf('@') + 1);
    String h;
    if (authority.startsWith("[")) {
      int close = authority.indexOf(']');
      if (close < 0) {
        return Optional.empty();
      }
      h = authority.substring(1, close);
    } else {
      int colon = authority.indexOf(':');
      h = colon < 0 ? authority : authority.substring(0, colon);
    }
    h = h.toLowerCase(Locale.ROOT);
    if (h.endsWith(".")) {
      h = h.substring(0, h.length() - 1);
    }
    return h.isEmpty() ? Optional.empty() : Optional.of(h);
  }

  /** The reach of a host name or address literal (lower case, no brackets). */
  public static HostReach ofHost(String host) {
    if (host.indexOf(':') >= 0) {
      return ofIpv6(host);
    }
    int[] v4 = ipv4(host);
    if (v4 != null) {
      return ofIpv4(v4);
    }
    if (host.equals("localhost") || host.endsWith(".localhost")) {
      return LOOPBACK;
    }
    if (host.indexOf('.') < 0) {
      return LOCAL_NAME;
    }
    for (String s : LOCAL_SUFFIXES) {
      if (host.endsWith(s)) {
        return LOCAL_NAME;
      }
    }
    return PUBLIC;
  }

  private static HostReach ofIpv4(int[] a) {
    if (a[0] == 127 || (a[0] == 0 && a[1] == 0 && a[2] == 0 && a[3] == 0)) {
      return LOOPBACK; // browsers send 0.0.0.0 to the local machine
    }
    if (a[0] == 10
        || (a[0] == 172 && a[1] >= 16 && a[1] <= 31)
        || (a[0] == 192 && a[1] == 168)
        || (a[0] == 169 && a[1] == 254)
        || (a[0] == 100 && a[1] >= 64 && a[1] <= 127)) {
      return PRIVATE_ADDRESS;
    }
    return PUBLIC;
  }

  private static HostReach ofIpv6(String h) {
    if (h.equals("::1") || h.equals("0:0:0:0:0:0:0:1") || h.equals("::")) {
      return LOOPBACK;
    }
    if (h.startsWith("::ffff:")) {
      int[] v4 = ipv4(h.substring(7));
      return v4 == null ? PUBLIC : ofIpv4(v4);
    }
    int colon = h.indexOf(':');
    String first = colon < 0 ? h : h.substring(0, colon);
    if (first.length() == 4 && (first.startsWith("fc") || first.startsWith("fd"))) {
      return PRIVATE_ADDRESS; // fc00::/7 unique local
    }
    if (first.length() == 4 && first.startsWith("fe") && "89ab".indexOf(first.charAt(2)) >= 0) {
      return PRIVATE_ADDRESS; // fe80::/10 link-local
    }
    return PUBLIC;
  }

  /** Four octets of a dotted-quad literal, or null when the text is not one. */
  private static int[] ipv4(String h) {
    int[] out = new int[4];
    int part = 0;
    int value = -1;
    for (int i = 0; i < h.length(); i++) {
      char c = h.charAt(i);
      if (c >= '0' && c <= '9') {
        value = (value < 0 ? 0 : value * 10) + (c - '0');
        if (value > 255) {
          return null;
        }
      } else if (c == '.' && value >= 0 && part < 3) {
        out[part++] = value;
        value = -1;
      } else {
        return null;
      }
    }
    if (part != 3 || value < 0) {
      return null;
    }
    out[3] = value;
    return out;
  }
}
