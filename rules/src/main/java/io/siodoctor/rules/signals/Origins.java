package io.siodoctor.rules.signals;

import io.siodoctor.parsers.ReadSet;
import io.siodoctor.parsers.record.HttpExchange;
import io.siodoctor.rules.api.DerivedKey;
import io.siodoctor.rules.api.Incident;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Origins of URLs and of the page that made a request, for CORS and mixed-content checks. */
public final class Origins {
  private Origins() {}

  /** {@code scheme://host[:port]} with ws/wss mapped to http/https and default ports dropped. */
  public static Optional<String> of(String url) {
    try {
      URI u = URI.create(url.trim());
      if (u.getScheme() == null || u.getHost() == null) {
        return Optional.empty();
      }
      String scheme = u.getScheme().toLowerCase(Locale.ROOT);
      scheme = scheme.equals("ws") ? "http" : scheme.equals("wss") ? "https" : scheme;
      int port = u.getPort();
      boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
      return Optional.of(scheme + "://" + u.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /**
   * The origin of the page that sent a request: its {@code Origin} header, else its {@code Referer},
   * else the first document the capture loaded.
   */
  public static Optional<String> pageOrigin(Incident incident, HttpExchange x) {
    Optional<String> origin = x.requestHeader("Origin").filter(o -> !o.equals("null")).flatMap(Origins::of);
    if (origin.isPresent()) {
      return origin;
    }
    Optional<String> referer = x.requestHeader("Referer").flatMap(Origins::of);
    if (referer.isPresent()) {
      return referer;
    }
    return incident.derived(FIRST_DOCUMENT);
  }

  /**
   * The origin of the capture's first page load, found once per incident: asked for every request
   * without Origin and Referer (a sanitizer that dropped headers), a walk over every request each
   * time was quadratic in a long capture.
   */
  private static final DerivedKey<Optional<String>> FIRST_DOCUMENT = DerivedKey.of("first-document-origin",
      ReadSet.of(List.of(HttpExchange.class), List.of()),
      incident -> incident.exchanges().stream()
          .filter(e -> "document".equals(e.resourceType()))
          .findFirst()
          .flatMap(e -> of(e.url())));

  /**
   * Public suffixes under which each name is a site of its own: the generic second-level ones of
   * country domains ({@code co.uk}, {@code com.au}) and the hosting platforms' entries of the
   * Public Suffix List's private section (https://publicsuffix.org/list/) where Socket.IO apps run.
   * A subset: a name under a suffix not listed is taken as one label under its top-level domain.
   */
  private static final Set<String> SUFFIXES = Set.of(
      "co.uk", "org.uk", "ac.uk", "gov.uk", "com.au", "net.au", "org.au", "co.nz", "co.jp", "ne.jp",
      "or.jp", "co.kr", "co.in", "com.br", "com.cn", "com.mx", "com.tr", "co.za", "com.sg", "com.hk",
      "herokuapp.com", "vercel.app", "netlify.app", "github.io", "azurewebsites.net", "cloudapp.net",
      "onrender.com", "fly.dev", "pages.dev", "workers.dev", "appspot.com", "web.app", "firebaseapp.com",
      "glitch.me", "ngrok.io", "ngrok-free.app", "ngrok.app", "railway.app", "up.railway.app",
      "elasticbeanstalk.com", "cloudfront.net", "azurestaticapps.net", "trycloudflare.com", "loca.lt");

  /**
   * The site of a URL as browsers judge SameSite cookies ("schemeful same-site"): its scheme (ws/wss
   * as http/https) and its registrable domain, the host itself for an address literal or a
   * single-label name. Empty without a host.
   */
  public static Optional<String> site(String url) {
    return of(url).map(origin -> {
      int hostAt = origin.indexOf("://") + 3;
      // an IPv6 literal keeps its brackets, and its colons are not the port's
      int portAt = origin.indexOf(':', origin.startsWith("[", hostAt) ? origin.indexOf(']', hostAt) : hostAt);
      String host = portAt < 0 ? origin.substring(hostAt) : origin.substring(hostAt, portAt);
      return origin.substring(0, hostAt) + registrableDomain(host);
    });
  }

  private static String registrableDomain(String host) {
    if (host.startsWith("[") || host.chars().allMatch(c -> Character.isDigit(c) || c == '.')) {
      return host;
    }
    String domain = host;
    for (int dot = host.indexOf('.'); dot >= 0; dot = host.indexOf('.', dot + 1)) {
      String suffix = host.substring(dot + 1);
      if (SUFFIXES.contains(suffix) || suffix.indexOf('.') < 0) {
        return domain;
      }
      domain = suffix;
    }
    return domain;
  }

  /**
   * The request went to another site than the page's ({@link #site}): cookies without {@code
   * SameSite=None} are neither stored from its answers nor sent with it.
   */
  public static boolean crossSite(Incident incident, HttpExchange x) {
    Optional<String> page = pageOrigin(incident, x).flatMap(Origins::site);
    Optional<String> target = site(x.url());
    return page.isPresent() && target.isPresent() && !page.get().equals(target.get());
  }

  public static boolean crossOrigin(Incident incident, HttpExchange x) {
    Optional<String> page = pageOrigin(incident, x);
    Optional<String> target = of(x.url());
    return page.isPresent() && target.isPresent() && !page.get().equals(target.get());
  }
}
