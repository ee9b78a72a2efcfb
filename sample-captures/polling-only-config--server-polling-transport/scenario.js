// polling-only-config--server-polling-transport: server transports ["polling"] -> "upgrades":[].
module.exports = async (rec) => {
  rec.node('server', 'server.js', { env: { PORT: '47151' }, log: 'server.log' });
  await rec.waitPort(47151);
  await rec.record({ url: 'http://127.0.0.1:47151/', duration: 8000 });
};
