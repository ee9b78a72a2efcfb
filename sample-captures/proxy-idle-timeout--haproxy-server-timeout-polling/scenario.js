// proxy-idle-timeout--haproxy-server-timeout-polling: HAProxy's `timeout server 10s` cuts every
// held long-poll of a polling-only client (socket.io pingInterval 25 s) with a 504. Recorded ~35 s
// to show 3 cuts. The server is proxy-idle-timeout--haproxy-tunnel-timeout's server.js, serving
// this folder's client.html (PAGE_DIR). Both ports are chosen by the OS.
const { behindHaproxy } = require('../recorder/lib/processes');

module.exports = async (rec) => {
  const lb = await behindHaproxy(rec, {
    server: '../proxy-idle-timeout--haproxy-tunnel-timeout/server.js', cfg: 'haproxy.cfg', env: { PAGE_DIR: rec.dir },
  });
  await rec.record({ url: `http://127.0.0.1:${lb}/`, duration: 35000 });
};
