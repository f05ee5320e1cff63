import http from 'node:http';
import net from 'node:net';

export interface RawAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/**
 * A request sent exactly as written: any Host and Origin header (fetch would not let a test
 * forge Host), any path (fetch would normalise `..`). Reads the whole answer, or, for an event
 * stream, only its head (the stream is then dropped).
 */
export function rawRequest(base: string, pathAndQuery: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const u = new URL(base);
    const req = http.request({ host: u.hostname, port: u.port, path: pathAndQuery, method: init.method ?? 'GET', headers: init.headers, setHost: !(init.headers && 'host' in init.headers) }, (res) => {
      if (String(res.headers['content-type']).startsWith('text/event-stream')) {
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: '' });
        req.destroy();
        return;
      }
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    if (init.body) req.write(init.body);
    req.end();
  });
}

/** An HTTP/1.0 request over a bare socket, so it can carry no Host header at all. */
export function requestWithoutHost(base: string, pathAndQuery: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const u = new URL(base);
    const socket = net.connect(Number(u.port), u.hostname, () => socket.end(`GET ${pathAndQuery} HTTP/1.0\r\n\r\n`));
    let text = '';
    socket.on('data', (d: Buffer) => (text += d.toString()));
    socket.on('end', () => resolve(text));
    socket.on('error', reject);
  });
}
