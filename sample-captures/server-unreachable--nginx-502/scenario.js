// server-unreachable--nginx-502: nginx is up, the socket.io backend behind it is not.
module.exports = async (rec) => {
  await rec.nginx('nginx.conf');
  await rec.record({ url: 'http://127.0.0.1:47036/', duration: 8000 });
};
