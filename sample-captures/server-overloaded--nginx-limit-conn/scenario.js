// server-overloaded--nginx-limit-conn: nginx 1.22 with `limit_conn perserver 3` on /socket.io/
// (nginx.conf) in front of the shared socket.io 4.8.1 chat server, which also serves the page. Two
// other users' WebSockets (the haproxy-queue-timeout folder's load.js) are two requests in progress for as long as they stay open; the
// page's session then has one left, and what it asks beyond that gets nginx's own 503 at once.
// Ports chosen by the OS.
const { freePort, nginxWith } = require('../recorder/lib/processes');
const { chatServer } = require('../recorder/lib/exporters');
module.exports = async (rec) => {
  const lb = await freePort();
  const app = await chatServer(rec);
  await nginxWith(rec, 'nginx.conf', { LB: lb, APP: app });
  rec.node('load', '../server-overloaded--haproxy-queue-timeout/load.js', { env: { URL: `http://127.0.0.1:${lb}`, CLIENTS: '2' }, debug: '' });
  await rec.sleep(1500);
  await rec.record({ url: `http://127.0.0.1:${lb}/`, duration: 9000 });
};
