// wrong-path--caddy-404-websocket-only: wrong-path--caddy-404 (its Caddyfile, page and server) with
// a WebSocket-only client (?transports=websocket): every Engine.IO request is a WebSocket handshake
// to /api/socket.io/, which Caddy's file_server answers 404.
const { recordWrongPath } = require('../wrong-path--caddy-404/scenario');
module.exports = (rec) => recordWrongPath(rec, '?transports=websocket');
