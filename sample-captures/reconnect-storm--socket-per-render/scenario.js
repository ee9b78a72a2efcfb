// reconnect-storm--socket-per-render: the page creates a new io() every 300 ms, 20 times,
// without closing the old ones.
module.exports = async (rec) => {
  rec.node('server', 'server.js', { env: { PORT: '47175' }, log: 'server.log' });
  await rec.waitPort(47175);
  await rec.record({ url: 'http://127.0.0.1:47175/', duration: 9000 });
};
