// Starting and stopping a fake server on 127.0.0.1, shared by the Slack and Discord fakes.
import type { Server } from 'node:http';
import type { WebSocketServer } from 'ws';

/** Listens on a free loopback port; returns the port. */
export async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as { port: number }).port;
}

/** Drops every client and connection, then closes. */
export async function shut(server: Server | undefined, wss: WebSocketServer | undefined): Promise<void> {
  for (const c of wss?.clients ?? []) c.terminate();
  wss?.close();
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
}
