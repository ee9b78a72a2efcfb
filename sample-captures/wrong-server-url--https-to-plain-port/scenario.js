// wrong-server-url--https-to-plain-port: page on chat.example.com:48641, socket.io over plain
// HTTP on 48642, client URL https://chat.example.com:48642. Every other name fails to resolve.
module.exports = async (rec) => {
  rec.node('server', 'server.js', { env: { PAGE_PORT: '48641', SOCKET_PORT: '48642' }, log: 'server.log', debug: '' });
  await rec.waitPort(48641);
  await rec.waitPort(48642);
  await rec.record({
    url: 'http://chat.example.com:48641/',
    duration: 6000,
    args: ['--host-resolver-rules=MAP chat.example.com 127.0.0.1, MAP * ~NOTFOUND'],
  });
};
