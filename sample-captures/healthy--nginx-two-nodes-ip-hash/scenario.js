// healthy--nginx-two-nodes-ip-hash: the sticky-session-missing--nginx-two-nodes set-up with ip_hash (session affinity).
module.exports = async (rec) => {
  rec.node('node-a', 'server.js', { env: { PORT: '47322', NODE_NAME: 'node-a' }, log: 'node-a.log' });
  rec.node('node-b', 'server.js', { env: { PORT: '47323', NODE_NAME: 'node-b' }, log: 'node-b.log' });
  await rec.waitPort(47322);
  await rec.waitPort(47323);
  await rec.nginx('nginx.conf');
  await rec.record({ url: 'http://127.0.0.1:47321/', duration: 10000 });
};
