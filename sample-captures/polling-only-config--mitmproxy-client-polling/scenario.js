// polling-only-config--mitmproxy-client-polling: mitmproxy 8.1 contrib har_dump.py, Chromium proxied.
// socket.io 4 server and client with `transports: ['polling']`: the session stays on HTTP long-polling,
// so a long-poll is still open when the recording stops (how does the exporter write it?).
// Ports are chosen by the OS; everything binds 127.0.0.1.
const x = require('../recorder/lib/exporters');

module.exports = async (rec) => {
  const port = await x.chatServer(rec);
  const url = `http://127.0.0.1:${port}/?transports=polling`;
  await x.mitmproxy(rec, { url, duration: 7000 });
};
