import { once } from 'node:events';
import { createServer, type AddressInfo, connect, type Socket } from 'node:net';

/**
 * A TCP proxy in front of PostgreSQL that a test can cut and restore, as a network partition or a
 * database restart would: `cut()` resets every open connection and refuses new ones until `restore()`.
 */
export interface TcpProxy {
  /** The upstream URL with the proxy's port in it. */
  readonly url: string;
  cut(): void;
  restore(): void;
  close(): Promise<void>;
}

export async function startTcpProxy(upstreamUrl: string): Promise<TcpProxy> {
  const upstream = new URL(upstreamUrl);
  const sockets = new Set<Socket>();
  let down = false;
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
  };
  const server = createServer((client) => {
    track(client);
    if (down) return client.resetAndDestroy();
    const server = connect(Number(upstream.port || 5432), upstream.hostname);
    track(server);
    client.pipe(server).pipe(client);
    client.on('close', () => server.destroy());
    server.on('close', () => client.destroy());
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const url = new URL(upstreamUrl);
  url.hostname = '127.0.0.1';
  url.port = String((server.address() as AddressInfo).port);
  const cut = () => {
    down = true;
    for (const socket of sockets) socket.resetAndDestroy();
  };
  return {
    url: url.toString(),
    cut,
    restore: () => {
      down = false;
    },
    close: async () => {
      cut();
      server.close();
      await once(server, 'close');
    },
  };
}
