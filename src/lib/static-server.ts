/**
 * Serves a built site from a folder on loopback, the way a static host would: directory
 * index pages, the site's 404 page for unknown paths, no dotfiles. Used by `npm run preview`
 * and by the browser tests.
 */
import { createServer, type Server } from 'node:http';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import sirv from 'sirv';

export interface RunningSite {
  url: string;
  close: () => Promise<void>;
}

export function serveSite(dir: string, port = 0, host = '127.0.0.1'): Promise<RunningSite> {
  const notFoundPage = join(dir, '404.html');
  const notFound = existsSync(notFoundPage) ? readFileSync(notFoundPage) : Buffer.from('Not found');
  const handler = sirv(dir, { dev: false, etag: true, dotfiles: false, extensions: ['html'] });
  const server: Server = createServer((req, res) =>
    handler(req, res, () => {
      res.statusCode = 404;
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      res.end(notFound);
    }),
  );
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      const actual = typeof address === 'object' && address ? address.port : port;
      resolve({
        url: `http://${host}:${actual}/`,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}
