/**
 * The bare reference server of the HTTP benchmark: plain `node:http` answering "hello" to every
 * request. It shows what the machine can serve at all, in the same run as the platform.
 *
 *   node --import tsx bench/bare-server.ts [port]     (or PORT=…; 0 or nothing picks a free port)
 *
 * Prints `listening on http://<host>:<port>` once it accepts connections; stops on SIGTERM/SIGINT.
 */
import { createServer } from 'node:http';

const port = Number(process.argv[2] ?? process.env.PORT ?? 0);
const host = process.env.HOST ?? '127.0.0.1';
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  process.stderr.write(`bare-server: invalid port "${process.argv[2] ?? process.env.PORT}"\n`);
  process.exit(2);
}

const body = Buffer.from('hello');
const server = createServer((_request, response) => {
  response.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', 'content-length': body.length });
  response.end(body);
});

server.listen(port, host, () => {
  const address = server.address();
  const actual = typeof address === 'object' && address ? address.port : port;
  process.stdout.write(`listening on http://${host}:${actual}\n`);
});

const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
