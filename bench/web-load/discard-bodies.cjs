// autocannon `setupClient` for bench/web-load (a file, as autocannon's worker threads require it):
// the load generator counts each response's bytes but does not keep its body. autocannon otherwise
// decodes every body into a JavaScript string (`body += chunk`), 0,7 MB of binary PDF per answer,
// which costs the generator more CPU than the server spends answering, and on two cores that is
// measured as server latency. A browser or a PDF reader keeps the bytes; it never makes a string.
module.exports = function discardBodies(client) {
  client.pipelinedRequests.addBody = () => {};
};
