package io.siodoctor.rules.connect;

import io.siodoctor.parsers.engineio.EngineIoError;
import io.siodoctor.parsers.record.HttpExchange;
import io.siodoctor.parsers.record.LogLine;
import io.siodoctor.parsers.record.WsFrame;
import io.siodoctor.rules.api.Category;
import io.siodoctor.rules.api.Cause;
import io.siodoctor.rules.api.Evidence;
import io.siodoctor.rules.api.Finding;
import io.siodoctor.rules.api.Incident;
import io.siodoctor.rules.api.ProxySetting;
import io.siodoctor.rules.api.Reads;
import io.siodoctor.rules.api.Rule;
import io.siodoctor.rules.api.Session;
import io.siodoctor.rules.api.Severity;
import io.siodoctor.rules.api.WebSocketConnection;
import io.siodoctor.rules.provider.Provider;
import io.siodoctor.rules.provider.ProviderDetector;
import io.siodoctor.rules.provider.ProviderSighting;
import io.siodoctor.rules.signals.Origins;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Socket.IO URL is answered by a hosting platform that shows itself in its responses ({@code
 * x-vercel-id}, {@code x-nf-request-id}, {@code ARRAffinity}, {@code via: 1.1 vegur}; see {@link
 * ProviderDetector}) and the session cannot live there: on a serverless platform any failed
 * Socket.IO request (404 for a function that is not there, 500/502/504 for one that crashed or
 * timed out, "Session ID unknown" from a fresh instance, a refused WebSocket); on a platform whose
 * WebSockets are a setting (Azure App Service), WebSockets refused and never one 101; on any
 * platform, "Session ID unknown" moments after the handshake (instances without affinity).
 */
@Cause(
    id = "platform-no-websocket",
    title = "The hosting platform cannot keep a Socket.IO session",
    severity = Severity.ERROR,
    category = Category.CANNOT_CONNECT,
    docs = "https://socket.io/docs/v4/troubleshooting-connection-issues/",
    subsumes = {"sticky-session-missing", "websocket-upgrade-blocked", "websocket-only-no-fallback",
        "polling-only-config", "reconnect-storm", "wrong-path"},
    settings = {ProxySetting.UPGRADE, ProxySetting.STICKINESS})
@Reads(records = {HttpExchange.class, WsFrame.class, LogLine.class})
public final class PlatformNoWebsocketRule implements Rule {

  @Override
  public Optional<Finding> check(Incident incident) {
    // the platforms that answered Socket.IO requests, per origin
    Map<String, ProviderSighting> platformOf = new LinkedHashMap<>();
    for (HttpExchange x : incident.engineIoExchanges()) {
      Optional<String> origin = Origins.of(x.url());
      if (origin.isEmpty() || platformOf.containsKey(origin.get())) {
        continue;
      }
      for (ProviderSighting s : ProviderDetector.in(x)) {
        if (s.provider().hostsTheApp()) {
          platformOf.put(origin.get(), s);
          break;
        }
      }
    }
    if (platformOf.isEmpty()) {
      return Optional.empty();
    }
    List<Evidence> evidence = new ArrayList<>();
    Set<String> sids = new LinkedHashSet<>();
    List<String> seen = new ArrayList<>();
    double confidence = 0;
    for (Map.Entry<String, ProviderSighting> e : platformOf.entrySet()) {
      String origin = e.getKey();
      Provider p = e.getValue().provider();
      List<HttpExchange> failed = new ArrayList<>();
      List<String> what = new ArrayList<>();
      // WebSockets: refused, and never one opened
      List<WebSocketConnection> ws = new ArrayList<>();
      boolean anyOpened = false;
      for (WebSocketConnection w : incident.webSockets()) {
        if (w.request().isEngineIo() && Origins.of(w.request().url()).map(origin::equals).orElse(false)) {
          anyOpened |= w.opened();
          // refused, or (exports without WebSocket errors) never answered while the session kept polling
          boolean stalled = w.sid() != null && incident.session(w.sid())
              .map(x -> x.upgradeOutcome() == io.siodoctor.rules.api.UpgradeOutcome.REFUSED).orElse(false);
          if (w.refused() || (!w.opened() && stalled)) {
            ws.add(w);
          }
        }
      }
      int unknown = 0;
      int platformErrors = 0;
      for (HttpExchange x : incident.engineIoExchanges()) {
        if (x.isWebSocket() || !Origins.of(x.url()).map(origin::equals).orElse(false)) {
          continue;
        }
        if (x.engineIoError() != null && x.engineIoError().code() == EngineIoError.UNKNOWN_SID
            && soonAfterHandshake(incident, x)) {
          failed.add(x);
          unknown++;
        } else if (p.serverless() && x.engineIoError() == null && x.handshake() == null
            && (x.status() == 404 || x.status() >= 500)) {
          failed.add(x);
          platformErrors++;
        }
      }
      // after the polling failures, which say most: the refused WebSockets
      if (p.mayRefuseWebSockets() && !anyOpened && !ws.isEmpty()) {
        ws.forEach(w -> failed.add(w.request()));
        what.add(ws.size() + " WebSocket(s) refused and none opened");
      }
      if (unknown > 0) {
        what.add(unknown + " request(s) answered \"Session ID unknown\" moments after their handshake (another instance)");
      }
      if (platformErrors > 0) {
        what.add(platformErrors + " Socket.IO request(s) answered 404/5xx by the platform itself");
      }
      if (failed.isEmpty()) {
        continue;
      }
      evidence.add(Evidence.of(e.getValue().record(), p.title() + " answers the Socket.IO URL (" + e.getValue().what() + ")"));
      int cited = 0;
      for (HttpExchange x : failed) {
        x.sid().ifPresent(sids::add);
        if (cited++ < 6 && x != e.getValue().record()) {
          evidence.add(Evidence.of(x, p.title() + ": " + (x.isWebSocket() ? "WebSocket refused" : "failed")));
        }
      }
      seen.add(p.title() + " (" + origin + "): " + String.join("; ", what));
      confidence = Math.max(confidence, p.serverless() ? 0.9 : 0.82);
    }
    if (evidence.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(Finding.of(confidence, evidence).withSessions(sids).withDetail(String.join("; ", seen)));
  }

  /** Within one heartbeat window of its session's handshake: the sid was fresh, the instance not. */
  private static boolean soonAfterHandshake(Incident incident, HttpExchange x) {
    Optional<Session> s = x.sid().flatMap(incident::session);
    if (s.isEmpty() || s.get().opened() == null || x.time() == null) {
      return false;
    }
    long window = s.get().handshake().map(h -> h.heartbeatWindowMillis()).orElse(45_000L);
    Duration d = Duration.between(s.get().opened(), x.time());
    return !d.isNegative() && d.toMillis() <= Math.max(window, 1);
  }
}
