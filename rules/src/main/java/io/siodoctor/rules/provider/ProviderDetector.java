package io.siodoctor.rules.provider;

import io.siodoctor.parsers.ReadSet;
import io.siodoctor.rules.api.DerivedKey;
import io.siodoctor.parsers.record.Header;
import io.siodoctor.parsers.record.HttpExchange;
import io.siodoctor.parsers.record.LogFormat;
import io.siodoctor.parsers.record.LogLine;
import io.siodoctor.rules.api.Incident;
import io.siodoctor.rules.signals.Cookies;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which providers the inputs show, from the facts each provider documents about itself: response
 * headers ({@code cf-ray}, {@code x-vercel-id}, {@code x-nf-request-id}, {@code x-azure-ref}, {@code
 * via: 1.1 vegur}, {@code server: cloudflare|Vercel|Netlify|awselb/2.0}), the stickiness cookies it
 * sets ({@code AWSALB*}, {@code ARRAffinity*}, {@code INGRESSCOOKIE}), and the log formats only it
 * writes (ALB access logs, Heroku's router lines, HAProxy's HTTP log). One step per incident, shared by every rule and by the fix rendering.
 */
public final class ProviderDetector {
  private ProviderDetector() {}

  /**
   * The log formats only one provider writes, by format id: ALB access logs, Heroku's router
   * lines and HAProxy's HTTP log.
   */
  /**
   * What the sightings are made of: the exchanges, and the recognised log lines (a proxy log's
   * format shows on its access lines; the lines no parser recognised are not read).
   */
  public static final ReadSet READS = ReadSet.of(List.of(HttpExchange.class, LogLine.class),
      java.util.EnumSet.complementOf(java.util.EnumSet.of(io.siodoctor.parsers.record.LogEvent.OTHER)));
  private static final DerivedKey<List<ProviderSighting>> KEY =
      DerivedKey.of("providers", READS, ProviderDetector::detect);

  private static final Map<String, Provider> LOG_FORMATS = Map.of(
      LogFormat.AWS_ALB.id(), Provider.AWS_ALB,
      LogFormat.HEROKU_ROUTER.id(), Provider.HEROKU,
      LogFormat.HAPROXY.id(), Provider.HAPROXY);

  /**
   * One sighting per provider, on the Socket.IO path only: the Engine.IO requests and the proxy
   * logs. A provider that serves only the page (static hosting on Vercel, a CDN for the assets)
   * says nothing about the Socket.IO server, which often runs elsewhere.
   */
  public static List<ProviderSighting> of(Incident incident) {
    return incident.derived(KEY);
  }

  private static List<ProviderSighting> detect(Incident incident) {
    Map<Provider, ProviderSighting> first = new EnumMap<>(Provider.class);
    for (HttpExchange x : incident.engineIoExchanges()) {
      for (ProviderSighting s : in(x)) {
        first.putIfAbsent(s.provider(), s);
      }
    }
    Set<String> formatsSeen = new HashSet<>();
    LogFormat last = null;
    for (LogLine l : incident.logLines()) {
      // one look per format: a proxy log is thousands of lines of the same format (and a line's
      // format is mostly the one of the line before: no set lookup for those)
      if (l.format() != null && l.format() != last && formatsSeen.add(l.format().id())) {
        Provider p = LOG_FORMATS.get(l.format().id());
        if (p != null) {
          first.putIfAbsent(p, new ProviderSighting(p, l, l.format().id() + " log"));
        }
      }
      last = l.format();
    }
    return List.copyOf(first.values());
  }

  /** The providers one exchange's response (or the cookies it carries) names. */
  public static List<ProviderSighting> in(HttpExchange x) {
    List<ProviderSighting> found = new ArrayList<>();
    for (Header h : x.responseHeaders()) {
      String name = h.name().toLowerCase(Locale.ROOT);
      String value = h.value().strip().toLowerCase(Locale.ROOT);
      switch (name) {
        case "cf-ray" -> add(found, Provider.CLOUDFLARE, x, "cf-ray response header");
        case "x-vercel-id", "x-vercel-error", "x-vercel-cache" ->
            add(found, Provider.VERCEL, x, name + " response header");
        case "x-nf-request-id" -> add(found, Provider.NETLIFY, x, "x-nf-request-id response header");
        case "x-azure-ref" -> add(found, Provider.AZURE_FRONT_DOOR, x, "x-azure-ref response header");
        case "via" -> {
          if (value.contains("vegur")) {
            add(found, Provider.HEROKU, x, "via: " + h.value().strip() + " response header");
          }
        }
        case "server" -> {
          if (value.equals("cloudflare")) {
            add(found, Provider.CLOUDFLARE, x, "server: cloudflare response header");
          } else if (value.equals("vercel")) {
            add(found, Provider.VERCEL, x, "server: Vercel response header");
          } else if (value.equals("netlify")) {
            add(found, Provider.NETLIFY, x, "server: Netlify response header");
          } else if (value.startsWith("awselb")) {
            add(found, Provider.AWS_ALB, x, "server: " + h.value().strip() + " response header");
          }
        }
        default -> { }
      }
    }
    cookies(found, x, Cookies.set(x), "set");
    cookies(found, x, Cookies.sent(x), "sent");
    return found;
  }

  private static void cookies(List<ProviderSighting> found, HttpExchange x, Iterable<String> names, String how) {
    for (String n : names) {
      if (n.startsWith("AWSALB")) {
        add(found, Provider.AWS_ALB, x, n + " cookie " + how);
      } else if (n.startsWith("ARRAffinity")) {
        add(found, Provider.AZURE_APP_SERVICE, x, n + " cookie " + how);
      } else if (n.equals("INGRESSCOOKIE")) {
        add(found, Provider.INGRESS_NGINX, x, n + " cookie " + how);
      }
    }
  }

  private static void add(List<ProviderSighting> found, Provider p, HttpExchange x, String what) {
    for (ProviderSighting s : found) {
      if (s.provider() == p) {
        return;
      }
    }
    found.add(new ProviderSighting(p, x, what));
  }
}
