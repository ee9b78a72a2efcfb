// server-overloaded--haproxy-queue-timeout: HAProxy 2.6 routes /socket.io/ to the shared socket.io
// 4.8.1 chat server with `maxconn 3` on that server and `timeout queue 2s` (haproxy.cfg), and
// everything else to a page server (the shared recorder/pages/chat-v4.html). Two other users'
// WebSockets (load.js) hold two of the three slots; the page's polling requests then contend for
// the last one, and those left waiting in the queue for 2 s get HAProxy's own 503 (sQ--).
// Ports chosen by the OS.
const { freePort, haproxy } = require('../recorder/lib/processes');
const { chatPage, chatServer } = require('../recorder/lib/exporters');
module.exports = async (rec) => {
  const lb = await freePort();
  const page = await chatPage(rec);
  const app = await chatServer(rec, { SERVE_PAGE: '0' });
  await haproxy(rec, 'haproxy.cfg', { LB: lb, PAGE: page, APP: app });
  rec.node('load', 'load.js', { env: { URL: `http://127.0.0.1:${lb}`, CLIENTS: '2' }, debug: '' });
  await rec.sleep(1500);
  await rec.record({ url: `http://127.0.0.1:${lb}/`, duration: 9000 });
};
