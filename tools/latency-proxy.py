#!/usr/bin/python3
"""latency-proxy: a TCP forwarder that makes a fast local server look far away.

    tools/latency-proxy.py --target 127.0.0.1:5432 [--listen 127.0.0.1:0] [--round-trip-ms 100]

Prints "listening on HOST:PORT" once it accepts connections, then forwards every connection to
TARGET until it is stopped (SIGINT/SIGTERM).

The delay model: a fixed one-way delay of round-trip-ms / 2 in each direction. Every chunk of
bytes read from one side is written to the other side that many milliseconds after it arrived,
in order; bandwidth is not limited and nothing is reordered or lost. So each request/response
exchange (a libpq query, a TLS or authentication step) costs round-trip-ms more than it would
directly: a 100 ms round trip, like a database server across a slow WAN link. Connecting pays
no extra delay (the proxy accepts at once), but PostgreSQL's start-up exchange does.
"""

import argparse
import asyncio
import signal
import sys


def host_port(text):
    host, _, port = text.rpartition(":")
    if not host or not port.isdigit():
        raise argparse.ArgumentTypeError(f"expected HOST:PORT, not {text!r}")
    return host, int(port)


async def pipe(reader, writer, delay):
    """Copies reader to writer, each chunk `delay` seconds after it arrived."""
    loop = asyncio.get_running_loop()
    queue = asyncio.Queue()

    async def deliver():
        while True:
            due, data = await queue.get()
            wait = due - loop.time()
            if wait > 0:
                await asyncio.sleep(wait)
            if data is None:
                break
            writer.write(data)
            await writer.drain()
        if writer.can_write_eof():
            writer.write_eof()

    delivery = asyncio.create_task(deliver())
    try:
        while True:
            data = await reader.read(65536)
            if not data:
                break
            queue.put_nowait((loop.time() + delay, data))
    finally:
        queue.put_nowait((loop.time() + delay, None))
        await delivery


async def serve(target, delay, client_reader, client_writer):
    try:
        server_reader, server_writer = await asyncio.open_connection(*target)
    except OSError as error:
        print(f"latency-proxy: cannot reach {target[0]}:{target[1]}: {error}", file=sys.stderr)
        client_writer.close()
        return
    try:
        await asyncio.gather(pipe(client_reader, server_writer, delay),
                             pipe(server_reader, client_writer, delay))
    except (ConnectionError, OSError):
        pass  # one side went away: close both
    finally:
        for writer in (client_writer, server_writer):
            writer.close()


async def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--target", type=host_port, required=True, help="HOST:PORT to forward to")
    parser.add_argument("--listen", type=host_port, default=("127.0.0.1", 0),
                        help="HOST:PORT to accept on (default 127.0.0.1 and a free port)")
    parser.add_argument("--round-trip-ms", type=float, default=100.0,
                        help="what one request/response exchange costs extra (default 100)")
    args = parser.parse_args()
    delay = args.round_trip_ms / 2000.0

    server = await asyncio.start_server(lambda r, w: serve(args.target, delay, r, w),
                                        *args.listen)
    host, port = server.sockets[0].getsockname()[:2]
    print(f"listening on {host}:{port}", flush=True)
    stop = asyncio.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        asyncio.get_running_loop().add_signal_handler(sig, stop.set)
    async with server:
        await stop.wait()


if __name__ == "__main__":
    asyncio.run(main())
