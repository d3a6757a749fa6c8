#!/usr/bin/env python3
"""TCP test member for the load-balancer integration test: listens on ADDRESS at every given
port and answers each connection with "member=<identity> port=<port>" before closing, so a
test can tell which member a virtual server reached. Prints "ready" once every port listens."""
import argparse
import selectors
import socket
import sys


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--listen", required=True)
    parser.add_argument("--identity", required=True)
    parser.add_argument("ports", type=int, nargs="+")
    args = parser.parse_args()
    selector = selectors.DefaultSelector()
    family = socket.AF_INET6 if ":" in args.listen else socket.AF_INET
    for port in sorted(set(args.ports)):
        server = socket.socket(family, socket.SOCK_STREAM)
        server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        server.bind((args.listen, port))
        server.listen(64)
        server.setblocking(False)
        selector.register(server, selectors.EVENT_READ, port)
    print("ready", flush=True)
    while True:
        for key, _ in selector.select():
            try:
                conn, _ = key.fileobj.accept()
            except OSError:
                continue
            try:
                conn.sendall("member={} port={}\n".format(args.identity, key.data).encode())
            except OSError:
                pass
            conn.close()


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        sys.exit(0)
