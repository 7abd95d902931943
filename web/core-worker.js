// The core's Web Worker: runs web/core.wasm (cmd/redline-core) with Go's
// loader and hands it the page's messages. Messages that arrive while the
// wasm compiles wait in a queue; if it cannot start, every message is
// answered with the reason (a corecall response with id 0), so the page
// shows an error rather than waiting.
importScripts("/wasm_exec.js");

const queued = [];
self.onmessage = (e) => queued.push(e.data);

// cmd/redline-core calls this once it listens.
self.redlineCoreReady = (handle) => {
  self.onmessage = (e) => handle(e.data);
  queued.splice(0).forEach(handle);
};

const go = new Go();
WebAssembly.instantiateStreaming(fetch("/web/core.wasm"), go.importObject)
  .then((r) => go.run(r.instance))
  .then(() => {
    throw new Error("it stopped");
  })
  .catch((err) => {
    const reply = () => postMessage(JSON.stringify({ id: 0, error: "the core could not start: " + err }));
    self.onmessage = reply;
    if (queued.length > 0) reply();
  });
