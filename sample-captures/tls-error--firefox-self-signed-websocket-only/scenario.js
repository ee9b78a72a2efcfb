// tls-error--firefox-self-signed-websocket-only: the scenario of tls-error--firefox-self-signed
// (Firefox ESR HAR auto-export and console through WebDriver BiDi; the chat server over https with
// a self-signed certificate from record.sh), with the client forced to the WebSocket transport
// (?transports=websocket: `transports: ["websocket"]`), so the TLS handshake fails on wss://.
const scenario = require('../tls-error--firefox-self-signed/scenario');

module.exports = (rec) => scenario(rec, { transports: 'websocket' });
