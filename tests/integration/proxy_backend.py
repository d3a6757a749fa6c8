#!/usr/bin/env python3
"""Test backend for the reverse-proxy integration tests: answers every request with
"backend=<identity> host=<Host header> path=<path>" so a test can prove which backend a public
name reached and that the Host header arrived intact. TLS when --cert/--key are given."""
import argparse
import http.server
import ssl
import sys


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--listen", required=True)  # address
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--identity", required=True)
    parser.add_argument("--cert")
    parser.add_argument("--key")
    args = parser.parse_args()

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self):
            body = "backend={} host={} path={}\n".format(
                args.identity, self.headers.get("Host", ""), self.path).encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *unused):
            pass

    server = http.server.ThreadingHTTPServer((args.listen, args.port), Handler)
    if args.cert:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(args.cert, args.key)
        server.socket = context.wrap_socket(server.socket, server_side=True)
    print("ready", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
