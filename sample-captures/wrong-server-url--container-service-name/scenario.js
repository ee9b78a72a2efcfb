// wrong-server-url--container-service-name: the site chat.example.com (page + socket.io server on
// 48681; Chromium maps the name to 127.0.0.1 and fails every other name, as a browser outside
// the Compose network does for "backend") ships a client pointed at http://backend:48682.
module.exports = async (rec) => {
  rec.node('server', 'server.js', { env: { PORT: '48681' }, log: 'server.log', debug: '' });
  await rec.waitPort(48681);
  await rec.record({
    url: 'http://chat.example.com:48681/',
    duration: 6000,
    args: ['--host-resolver-rules=MAP chat.example.com 127.0.0.1, MAP * ~NOTFOUND'],
  });
};
