// server-unreachable--connection-refused: the page (port 47031) points io() at port 47032,
// where nothing listens. No socket.io server is started at all.
module.exports = async (rec) => {
  await rec.pageServer(47031);
  await rec.record({ url: 'http://127.0.0.1:47031/', duration: 8000 });
};
