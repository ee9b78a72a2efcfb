package io.siodoctor.rules.verdict;

import io.siodoctor.parsers.InputSummary;
import io.siodoctor.parsers.capture.CaptureProfile;
import io.siodoctor.parsers.capture.MissingEvidence;
import io.siodoctor.parsers.record.LogFormat;
import io.siodoctor.parsers.record.LogLine;
import io.siodoctor.parsers.record.Record;
import io.siodoctor.rules.api.Incident;
import io.siodoctor.rules.signals.Disconnect;
import io.siodoctor.rules.signals.Disconnects;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides the verdict once the rules have run. {@code problems} when a cause is proven; {@code
 * healthy} only with positive evidence (a session that opened and worked) and no failure symptom,
 * and never when an input could not be read; otherwise {@code inconclusive}, with the symptoms seen
 * and what to collect next.
 */
public final class VerdictJudge {
  private VerdictJudge() {}

  public static Verdict judge(Incident incident, boolean causesFound) {
    List<Symptom> symptoms = Symptoms.of(incident);
    Optional<Record> proof = HealthProof.of(incident);
    if (causesFound) {
      return new Verdict(Verdict.PROBLEMS, List.of(), List.of(), null);
    }
    if (proof.isPresent() && symptoms.isEmpty()) {
      return new Verdict(Verdict.HEALTHY, List.of(), List.of(), proof.get().location().toString());
    }
    List<Symptom> shown = new ArrayList<>(symptoms);
    if (proof.isEmpty() && !Symptoms.noSocketIoTraffic(incident)) {
      shown.add(new Symptom("no-working-session", "no Socket.IO session is seen to open and work"
          + missingSummary(incident), List.of()));
    }
    return new Verdict(Verdict.INCONCLUSIVE, shown, next(incident, symptoms),
        proof.map(r -> r.location().toString()).orElse(null));
  }

  /** "; the HAR has no response bodies and no WebSocket frames" when that is why nothing proves it. */
  private static String missingSummary(Incident incident) {
    List<String> gone = new ArrayList<>();
    for (InputSummary in : incident.inputs()) {
      CaptureProfile c = in.capture();
      if (c == null) {
        continue;
      }
      if (c.lacks(MissingEvidence.RESPONSE_BODIES)) {
        gone.add("no response bodies");
      }
      if (c.lacks(MissingEvidence.WEBSOCKET_FRAMES)) {
        gone.add("no WebSocket frames");
      }
      if (c.lacks(MissingEvidence.WEBSOCKETS)) {
        gone.add("no WebSockets");
      }
      if (c.lacksAny(MissingEvidence.SESSION_IDS)) {
        gone.add("no session ids (sid= redacted)");
      }
      if (c.lacks(MissingEvidence.FAILED_REQUESTS)) {
        gone.add("no failed or pending requests");
      }
    }
    return gone.isEmpty() ? "" : "; the HAR has " + String.join(" and ", gone);
  }

  /**
   * Whether a session the browser saw drop had opened before the capture started: its handshake is
   * not among the browser's records, so its start is unknown ({@link Disconnect#opened} null).
   */
  private static boolean startedAfterADroppedSessionOpened(Incident incident) {
    for (Disconnect d : Disconnects.of(incident)) {
      if (d.opened() == null && d.sid() != null && d.evidence().stream().anyMatch(r -> !(r instanceof LogLine))) {
        return true;
      }
    }
    return false;
  }

  /** What to collect to decide, given what the inputs lack and what they show. */
  static List<String> next(Incident incident, List<Symptom> symptoms) {
    List<String> next = new ArrayList<>();
    boolean har = false;
    boolean bodies = false;
    boolean frames = false;
    boolean sids = false;
    boolean failedLeftOut = false;
    boolean noWebSockets = false;
    boolean serverLog = false;
    boolean proxyLog = false;
    boolean console = false;
    for (InputSummary in : incident.inputs()) {
      if (in.capture() != null) {
        har = true;
        bodies |= in.capture().lacksAny(MissingEvidence.RESPONSE_BODIES);
        frames |= in.capture().lacks(MissingEvidence.WEBSOCKET_FRAMES);
        sids |= in.capture().lacksAny(MissingEvidence.SESSION_IDS);
        failedLeftOut |= in.capture().lacks(MissingEvidence.FAILED_REQUESTS);
        noWebSockets |= in.capture().lacks(MissingEvidence.WEBSOCKETS);
      }
    }
    for (LogLine l : incident.logLines()) {
      LogFormat f = l.format();
      if (f == LogFormat.BROWSER_CONSOLE) {
        console = true;
      } else if (f == LogFormat.NGINX_ACCESS || f == LogFormat.NGINX_ERROR || f == LogFormat.HAPROXY
          || f == LogFormat.AWS_ALB) {
        proxyLog = true;
      } else {
        serverLog = true;
      }
    }
    boolean noTraffic = Symptoms.noSocketIoTraffic(incident);
    boolean consoleForFailures = failedLeftOut && !console;
    if (noWebSockets) {
      next.add("A HAR of the same failure from Chrome or Edge DevTools (Network, \"Export HAR (with sensitive data)\"):"
          + " chrome-har (browsertime, sitespeed.io, puppeteer-har) writes no WebSocket and no request that failed or"
          + " was still waiting, so an upgrade, its refusal, and refused or CORS-blocked attempts are not in this one"
          + (noTraffic ? "; with no Socket.IO request in it, every attempt may have failed" : "")
          + ". The browser console of the same run names failed requests too.");
      consoleForFailures = false;
    }
    if (consoleForFailures) {
      next.add("The browser console of the failing page (Safari: Develop > Show JavaScript Console; Chrome: DevTools "
          + "Console, right-click, \"Save as...\"): this HAR's exporter (Safari's Web Inspector, mitmproxy) leaves out "
          + "requests that got no answer, so refused, reset, CORS-blocked and TLS-failed attempts are seen only "
          + "there" + (noTraffic ? "; with no Socket.IO request in the HAR, every attempt may have failed" : "")
          + ". A Chrome, Edge or Firefox HAR of the same failure keeps them.");
    }
    if (noTraffic && !consoleForFailures && !noWebSockets) {
      next.add("A HAR that holds the Socket.IO requests: open DevTools on the page that uses Socket.IO, tick "
          + "\"Preserve log\", reload, reproduce the failure, then export (requests to /socket.io/?EIO=...).");
    }
    if (!har) {
      next.add("A HAR of the failing page from the user's browser (Chrome or Edge DevTools: Network, "
          + "\"Export HAR (with sensitive data)\"; Firefox: Network, right-click, \"Save All As HAR\"; run it "
          + "through `sio-doctor sanitize` before sharing).");
    }
    if (bodies) {
      next.add("The HAR exported with response content (DevTools \"Export HAR (with sensitive data)\", Playwright "
          + "recordHar content 'embed', Firefox devtools.netmonitor.har.includeResponseBodies): Engine.IO error "
          + "bodies and open packets name most causes. `sio-doctor sanitize` removes secrets and keeps them.");
    }
    if (sids) {
      next.add("The HAR before it went through the sanitizer, or sanitized so that it keeps the Socket.IO query values "
          + "(sid=, EIO=, transport=; `sio-doctor sanitize` keeps them, each sid replaced by its own keyed hash): without them requests cannot be told apart by "
          + "session, and drops, heartbeats and sticky sessions cannot be judged.");
    }
    if (startedAfterADroppedSessionOpened(incident)) {
      next.add("A HAR recorded from before the page connects (open DevTools on the Network tab, tick \"Preserve "
          + "log\", then load the page): this one started after a session that dropped had opened, so its "
          + "handshake (pingInterval, pingTimeout, upgrades) is not in it.");
    }
    if (frames) {
      next.add("A Chromium HAR (Chrome or Edge DevTools): the only browser export that keeps WebSocket messages "
          + "(pings, close and CONNECT_ERROR packets).");
    }
    if (!serverLog) {
      next.add("The Socket.IO server's log for the same minutes with debug output: DEBUG=engine,socket.io* (Node), "
          + "logger=True, engineio_logger=True (python-socketio).");
    }
    boolean proxied = symptoms.stream().anyMatch(s -> s.summary().contains("502") || s.summary().contains("503")
        || s.summary().contains("504") || s.id().equals("websocket-refused") || s.id().equals("session-dropped"));
    if (!proxyLog && proxied) {
      next.add("The access and error logs of the proxy or load balancer in front of the server (nginx, HAProxy, "
          + "ALB, ingress) for the same minutes.");
    }
    boolean clientSide = symptoms.stream().anyMatch(s -> s.id().equals("request-failed")
        || s.id().equals("websocket-refused"));
    if (!console && clientSide && !consoleForFailures) {
      next.add("The browser console of the failing page (DevTools Console, right-click, \"Save as...\"): it names "
          + "requests blocked by CORS, CSP, mixed content, extensions or a proxy.");
    }
    return next;
  }
}
