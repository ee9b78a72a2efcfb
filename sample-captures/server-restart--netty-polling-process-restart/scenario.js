// server-restart--netty-polling-process-restart: server-restart--netty-process-restart (its page and
// scenario) with a polling-only client (transports: ["polling"]): the JVM is stopped with SIGTERM
// while each tab has a long poll pending, and started again on the same port.
const { recordNettyRestart } = require('../server-restart--netty-process-restart/scenario');
module.exports = (rec) => recordNettyRestart(rec, '&transports=polling');
