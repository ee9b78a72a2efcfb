// mixed-content--firefox-https-page-ws-websocket-only: the scenario of
// mixed-content--firefox-https-page-http-socket (Firefox ESR HAR auto-export and console through
// WebDriver BiDi; page https://app.test:<p>, chat server over plain http), with the client forced
// to the WebSocket transport (?transports=websocket: `transports: ["websocket"]`), so its only
// request is a ws:// one from an https page.
const scenario = require('../mixed-content--firefox-https-page-http-socket/scenario');

module.exports = (rec) => scenario(rec, { transports: 'websocket' });
