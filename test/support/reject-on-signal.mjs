// Preloaded into a coverwatch child (node --import): on SIGWINCH, something in the process rejects a
// promise nobody handles, as a buggy dependency might. The process must log it and stop cleanly.
process.on('SIGWINCH', () => {
  Promise.reject(new Error('boom: a promise nobody handled'));
});
