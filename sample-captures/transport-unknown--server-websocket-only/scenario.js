// transport-unknown--server-websocket-only: server transports ["websocket"], client starts with polling.
module.exports = async (rec) => {
  rec.node('server', 'server.js', { env: { PORT: '47141' }, log: 'server.log' });
  await rec.waitPort(47141);
  await rec.record({ url: 'http://127.0.0.1:47141/', duration: 7000 });
};
