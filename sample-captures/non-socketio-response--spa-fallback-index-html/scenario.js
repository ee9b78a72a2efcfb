// non-socketio-response--spa-fallback-index-html: nginx on 48651 serves the SPA with
// try_files ... /index.html and no /socket.io/ location; the socket.io backend on 48652 is idle.
module.exports = async (rec) => {
  rec.node('server', 'server.js', { env: { PORT: '48652' }, log: 'server.log' });
  await rec.waitPort(48652);
  await rec.nginx('nginx.conf');
  await rec.record({ url: 'http://127.0.0.1:48651/', duration: 6000 });
};
