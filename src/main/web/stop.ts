// Stopping a door's web server: open connections cut (a browser's keep-alive would hold the close
// back), then the core closed once the server has stopped answering. The preview and the school
// server share it.
import type { Server } from 'node:http';
import type { Host } from '../app/host';

export function stopServer(server: Server, host: Host): Promise<void> {
  return new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => {
      host.close();
      resolve();
    });
  });
}
