// tls-error--self-signed: http page -> io("https://127.0.0.1:47188"), whose certificate is
// self-signed (not trusted by Chromium).
module.exports = async (rec) => {
  rec.node('server', 'server.js', { env: { PORT: '47188' }, log: 'server.log' });
  await rec.waitPort(47188);
  await rec.pageServer(47187);
  await rec.record({ url: 'http://127.0.0.1:47187/', duration: 7000 });
};
