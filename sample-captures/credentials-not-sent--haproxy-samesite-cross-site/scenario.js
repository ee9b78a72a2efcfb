// credentials-not-sent--haproxy-samesite-cross-site: the page on one site (app.example.com) talks
// to socket.io behind HAProxy on another site (realtime.example.net) whose stickiness is a cookie
// without a SameSite attribute. The client sends credentials (withCredentials: true) and the
// servers allow them (cors.credentials), but Chromium treats a cookie without SameSite as
// SameSite=Lax, which a cross-site XHR neither stores nor sends: requests of one session reach
// both nodes. Host names map to 127.0.0.1 (--host-resolver-rules); ports are chosen by the OS.
const { haproxy } = require('../recorder/lib/processes');
const x = require('../recorder/lib/exporters');

const APP = 'app.example.com';
const REALTIME = 'realtime.example.net';

module.exports = async (rec) => {
  const page = await x.chatPage(rec);
  const env = { SERVE_PAGE: '0', CORS_ORIGIN: `http://${APP}:${page}` };
  const a = await x.chatServer(rec, env, 'node-a.log');
  const b = await x.chatServer(rec, env, 'node-b.log');
  const lb = await x.freePort();
  await haproxy(rec, 'haproxy.cfg', { LB: lb, A: a, B: b });
  const io = encodeURIComponent(`http://${REALTIME}:${lb}`);
  await rec.record({
    url: `http://${APP}:${page}/?io=${io}`,
    duration: 5000,
    withSensitiveData: true,
    args: [`--host-resolver-rules=MAP ${APP} 127.0.0.1, MAP ${REALTIME} 127.0.0.1, MAP * ~NOTFOUND`],
  });
};
