package io.siodoctor.rules.signals;

import io.siodoctor.parsers.ReadSet;
import io.siodoctor.parsers.record.HttpExchange;
import io.siodoctor.parsers.record.LogLine;
import io.siodoctor.parsers.record.WsFrame;
import io.siodoctor.rules.api.DerivedKey;
import io.siodoctor.rules.api.Incident;
import io.siodoctor.rules.api.Session;
import java.util.ArrayList;
import java.util.List;

/**
 * The incident's sessions sorted once into the kinds that rules look at, each list in session
 * order: a server log's chunk has hundreds of sessions made of log lines only, which most rules
 * skip, and one pass over them is cheaper than one per rule.
 */
public final class Sessions {
  private final List<Session> withPackets = new ArrayList<>();
  private final List<Session> withHandshake = new ArrayList<>();
  private final List<Session> withWebSockets = new ArrayList<>();
  private final List<Session> seenByBrowser = new ArrayList<>();

  private Sessions(Incident incident) {
    for (Session s : incident.sessions()) {
      if (!s.packets().isEmpty()) {
        withPackets.add(s);
      }
      if (s.handshake().isPresent()) {
        withHandshake.add(s);
      }
      if (!s.webSockets().isEmpty()) {
        withWebSockets.add(s);
      }
      if (!s.webSockets().isEmpty()
          || s.handshakeSeenByBrowser()) {
        seenByBrowser.add(s);
      }
    }
  }

  /** The sessions of every kind of record; no line of the incident's outside them. */
  private static final DerivedKey<Sessions> KEY = DerivedKey.of("sessions",
      ReadSet.of(List.of(HttpExchange.class, WsFrame.class, LogLine.class), List.of()), Sessions::new);

  public static Sessions of(Incident incident) {
    return incident.derived(KEY);
  }

  /** Whether any session got its Engine.IO handshake: a Socket.IO server answered somewhere. */
  public static boolean anyHandshake(Incident incident) {
    return !of(incident).withHandshake.isEmpty();
  }

  /**
   * Whether a Socket.IO server answered a session anywhere: a handshake seen, or (response bodies
   * not recorded) a request carrying a sid answered 2xx or 101, which only a server that issued the
   * sid does.
   */
  public static boolean anyServed(Incident incident) {
    if (anyHandshake(incident)) {
      return true;
    }
    for (io.siodoctor.parsers.record.HttpExchange x : incident.engineIoExchanges()) {
      String sid = x.engineIo().sid();
      if (sid != null && !sid.isEmpty() && (x.status() == 101 || (x.status() >= 200 && x.status() < 300))) {
        return true;
      }
    }
    return false;
  }

  /** The sessions with Engine.IO packets (polling bodies, WebSocket frames); a server log's have none. */
  public static List<Session> withPackets(Incident incident) {
    return of(incident).withPackets;
  }

  /** The sessions whose handshake was seen (HAR, frames, or a logged open packet). */
  public static List<Session> withHandshake(Incident incident) {
    return of(incident).withHandshake;
  }

  public static List<Session> withWebSockets(Incident incident) {
    return of(incident).withWebSockets;
  }

  /**
   * The sessions a browser capture saw: with a WebSocket, or a handshake recorded by the browser
   * (not a log line). A server log's sessions are none of them.
   */
  public static List<Session> seenByBrowser(Incident incident) {
    return of(incident).seenByBrowser;
  }
}
