// csp-blocked--connect-src-ws-only: page on 48621 with a CSP that allows ws://127.0.0.1:48622
// but not http://127.0.0.1:48622; socket.io 4 server on 48622 (CORS allows the page).
module.exports = async (rec) => {
  rec.node('server', 'server.js', { env: { PAGE_PORT: '48621', SOCKET_PORT: '48622' }, log: 'server.log', debug: '' });
  await rec.waitPort(48621);
  await rec.waitPort(48622);
  await rec.record({ url: 'http://127.0.0.1:48621/', duration: 6000 });
};
