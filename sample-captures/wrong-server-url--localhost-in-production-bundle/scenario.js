// wrong-server-url--localhost-in-production-bundle: the site chat.example.com (page + socket.io
// server on 48631; Chromium maps the name to 127.0.0.1 and fails every other name) ships a client
// pointed at http://localhost:48632, where nothing listens.
module.exports = async (rec) => {
  rec.node('server', 'server.js', { env: { PORT: '48631' }, log: 'server.log', debug: '' });
  await rec.waitPort(48631);
  await rec.record({
    url: 'http://chat.example.com:48631/',
    duration: 6000,
    args: ['--host-resolver-rules=MAP chat.example.com 127.0.0.1, MAP localhost 127.0.0.1, MAP * ~NOTFOUND'],
  });
};
