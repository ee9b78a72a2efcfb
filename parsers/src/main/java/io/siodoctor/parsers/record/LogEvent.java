package io.siodoctor.parsers.record;

/**
 * What a log line states, recognised from the exact message formats of engine.io, socket.io,
 * nginx, browsers and the other producers. This is a parsed fact, not a diagnosis: rules decide
 * what a combination of events means.
 */
public enum LogEvent {
  /** Nothing the rules know about. */
  OTHER,
  /** engine {@code handshaking client "<sid>"}: the node issued a new sid. */
  HANDSHAKE,
  /**
   * engine {@code handling "<method>" http request "<url>"}: {@code access} holds the request
   * (method, URL, Engine.IO query).
   */
  HTTP_REQUEST,
  /**
   * engine:socket {@code sending packet "open" ({...})}: its fact a {@link LogFact.HandshakeSent}
   * (the open packet); {@code access}, when known, the handshake request it answers.
   */
  OPEN_SENT,
  /**
   * engine:polling {@code writing "<payload>"}: its fact a {@link LogFact.PayloadWritten}: the
   * protocol revision the payload's framing proves ({@code EIO3} for length prefixes, {@code EIO4}
   * for record separators), or none when it proves none.
   */
  PAYLOAD_WRITTEN,
  /** engine {@code unknown sid "<sid>"}, python-socketio {@code Invalid session}: code 1. */
  UNKNOWN_SID,
  /** engine {@code unknown transport "<t>"}: code 0. */
  UNKNOWN_TRANSPORT,
  /** engine {@code unsupported protocol version}: code 5. */
  UNSUPPORTED_PROTOCOL_VERSION,
  /** engine {@code bad request: unexpected transport without upgrade}: the Upgrade header was lost. */
  TRANSPORT_MISMATCH,
  /** engine {@code invalid transport upgrade}, {@code origin header invalid}, ...: code 3. */
  BAD_REQUEST,
  /**
   * A handshake that was not a GET, code 2: engine.io logs it only through an application's
   * {@code connection_error} listener ({@code Bad handshake method}).
   */
  BAD_HANDSHAKE_METHOD,
  /**
   * {@code allowRequest} refused a request, code 4: engine.io logs it only through an application's
   * {@code connection_error} listener ({@code Forbidden}).
   */
  REQUEST_FORBIDDEN,
  /** engine {@code might upgrade socket transport from "polling" to "websocket"}. */
  UPGRADE_STARTED,
  /** engine:socket {@code got upgrade packet - upgrading}. */
  UPGRADE_DONE,
  /** engine:socket {@code client did not complete upgrade - ...}: a {@link LogFact.UpgradeAbandoned}. */
  UPGRADE_INCOMPLETE,
  /** engine:socket {@code writing ping packet - expecting pong within <n>ms}. */
  PING_SENT,
  /** engine:socket {@code got ping} (v3 server) or {@code received packet ping}. */
  PING_RECEIVED,
  /** engine:socket {@code got pong}. */
  PONG_RECEIVED,
  /** A session or socket closed; its fact a {@link LogFact.SessionClosed} with the reason
   * ({@code ping timeout}, ...). */
  CLOSED,
  /** engine:socket {@code transport error}. */
  TRANSPORT_ERROR,
  /**
   * engine:ws {@code closing}: the server closes a session's WebSocket transport (engine.io 3 to 6).
   * Beside a {@code transport error} at the same moment it says which transport failed: ws reports
   * an error only for what the peer sent (a message over {@code maxPayload}, an invalid frame), a
   * dropped connection closes it without one ({@code transport close}).
   */
  WEBSOCKET_TRANSPORT_CLOSING,
  /** socket.io:namespace {@code middleware error, sending CONNECT_ERROR packet to the client}. */
  CONNECT_ERROR_SENT,
  /** socket.io:client {@code creation of namespace <nsp> was denied}: a {@link LogFact.NamespaceRefused}. */
  NAMESPACE_DENIED,
  /** A message or body larger than allowed (ws {@code Max payload size exceeded}, nginx 413). */
  PAYLOAD_TOO_LARGE,
  /** One request in an access log ({@code access} is filled). */
  HTTP_ACCESS,
  /** A proxy could not reach its upstream (refused, no live upstreams, reset before headers). */
  PROXY_UPSTREAM_UNAVAILABLE,
  /** A proxy gave up waiting for the upstream's response header (nginx 504 case). */
  PROXY_UPSTREAM_TIMEOUT,
  /** nginx {@code upstream timed out (110...) while proxying upgraded connection}: idle WebSocket cut. */
  PROXY_UPGRADED_TIMEOUT,
  /** A proxied WebSocket ended: client closed it or the upstream reset it. */
  PROXY_UPGRADED_CLOSED,
  /** Browser console: a request was blocked by CORS. */
  CORS_BLOCKED,
  /** Browser console: a request was blocked as mixed content. */
  MIXED_CONTENT_BLOCKED,
  /**
   * Browser console: the page's Content-Security-Policy blocked a request ({@code Connecting to
   * '<url>' violates the following Content Security Policy directive}, older Chrome {@code Refused
   * to connect to '<url>'}, Firefox {@code Content-Security-Policy: The page’s settings blocked the
   * loading of a resource}); its fact a {@link LogFact.BlockedUrl} when the line names one.
   */
  CSP_BLOCKED,
  /** Browser console: {@code WebSocket connection to '...' failed}: a {@link LogFact.NetworkError}. */
  WEBSOCKET_FAILED,
  /** Browser console: a network error (its fact a {@link LogFact.NetworkError}: the {@code net::ERR_*} code). */
  NETWORK_ERROR,
  /** A socket.io {@code connect_error} or client error text: a {@link LogFact.ConnectFailed}. */
  CLIENT_CONNECT_ERROR,
  /**
   * The process ran out of a resource it needs to serve connections: {@code EMFILE} / {@code
   * ENFILE} ({@code too many open files}), as Node prints it ({@code Error: accept EMFILE}) or any
   * other runtime; its fact a {@link LogFact.ResourceExhausted}.
   */
  RESOURCE_EXHAUSTED,
  /**
   * The server refused the request's {@code Origin} (python-engineio {@code <origin> is not an
   * accepted origin.}): its fact a {@link LogFact.OriginRefused}.
   */
  ORIGIN_NOT_ACCEPTED,
  /**
   * The server cannot offer WebSocket at all (python-engineio {@code WebSocket transport not
   * available}: no WebSocket library installed).
   */
  UPGRADE_UNAVAILABLE,
  /**
   * The server refused a request outside its Socket.IO path (netty-socketio {@code Blocked wrong
   * socket.io-context request! url: …}): its fact a {@link LogFact.BlockedUrl}.
   */
  WRONG_PATH,
  /**
   * The server process began listening (netty-socketio {@code SocketIO server started at port:
   * …}): a process start, the second half of a restart when a stop came before it.
   */
  SERVER_STARTED,
  /**
   * The server process stopped serving (netty-socketio {@code SocketIO server stopped}, logged once
   * its channels are closed): whatever sessions were still open ended with it.
   */
  SERVER_STOPPED,
  /**
   * The server wrote a Socket.IO CONNECT packet to a WebSocket (engine.io debug {@code engine:ws
   * writing "40…"}): its fact a {@link LogFact.ConnectPacket}. A 2.x server writes the main
   * namespace's without a sid, unasked; v3+ servers answer the client's CONNECT with one.
   */
  CONNECT_PACKET_WRITTEN,
  /**
   * The server received a Socket.IO CONNECT packet over a WebSocket ({@code engine:ws received
   * "40…"}): its fact a {@link LogFact.ConnectPacket}. Only v3+ clients send one for the main
   * namespace.
   */
  CONNECT_PACKET_RECEIVED,
  /**
   * The server received the client's Engine.IO close packet ({@code 1}) over polling (engine.io
   * {@code got xhr close packet}): the client ended the session itself. engine.io then closes the
   * session with the reason {@code transport close}, the same words as a dropped connection.
   */
  CLIENT_CLOSE_PACKET
}
