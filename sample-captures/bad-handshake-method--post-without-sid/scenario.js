// bad-handshake-method--post-without-sid: the page opens the session with fetch POST (no sid).
module.exports = async (rec) => {
  rec.node('server', 'server.js', { env: { PORT: '47147' }, log: 'server.log' });
  await rec.waitPort(47147);
  await rec.record({ url: 'http://127.0.0.1:47147/', duration: 5000 });
};
