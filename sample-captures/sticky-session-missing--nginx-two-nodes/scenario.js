// sticky-session-missing--nginx-two-nodes: nginx round-robin over two socket.io 4 nodes.
module.exports = async (rec) => {
  rec.node('node-a', 'server.js', { env: { PORT: '47022', NODE_NAME: 'node-a' }, log: 'node-a.log' });
  rec.node('node-b', 'server.js', { env: { PORT: '47023', NODE_NAME: 'node-b' }, log: 'node-b.log' });
  await rec.waitPort(47022);
  await rec.waitPort(47023);
  await rec.nginx('nginx.conf');
  await rec.record({ url: 'http://127.0.0.1:47021/', duration: 10000 });
};
