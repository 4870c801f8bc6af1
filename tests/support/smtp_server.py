#!/usr/bin/python3
"""A real SMTP server on 127.0.0.1 for SlotDesk's mail tests (Debian's python3-aiosmtpd).

  smtp_server.py --dir DIR [--security tls|starttls|none] [--cert PEM --key PEM]
                 [--user NAME --password SECRET]
                 [--fail-rcpt N] [--fail-data N] [--reject ADDRESS]...

Listens on a free port and prints "listening on PORT" once it accepts connections.
- tls: TLS from the first byte (smtps); starttls: STARTTLS offered and required before MAIL;
  none: plain text.
- With --user, AUTH PLAIN and LOGIN are offered and required, and only that user is accepted.
- Faults: the next N RCPT commands get "451 4.3.0", the next N DATA "452 4.3.1", and RCPT TO a
  --reject address gets "550 5.1.1". The file DIR/faults.json, when a test writes it (atomically),
  replaces the counters and the rejected addresses: {"fail_rcpt": 1, "fail_data": 0,
  "reject": ["x@example.org"], "stall_data": 30}; it is read, then removed, at the next command
  that looks. "stall_data": S makes the next DATA hang S seconds and then refuse it with 451
  (a client that dies meanwhile leaves nothing stored); DIR/stalling appears when it starts.
- Each message received is stored as DIR/NNNN.eml (the bytes as received) with DIR/NNNN.json
  ({"mail_from", "rcpt_tos", "login"}); the .json is written last, so its presence means the
  message is complete.
"""

import argparse
import asyncio
import json
import os
import signal
import ssl
import sys

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword


class Faults:
    def __init__(self, directory, fail_rcpt, fail_data, reject):
        self.path = os.path.join(directory, "faults.json")
        self.fail_rcpt = fail_rcpt
        self.fail_data = fail_data
        self.reject = {a.lower() for a in reject}
        self.stall_data = 0.0

    def refresh(self):
        try:
            with open(self.path, encoding="utf-8") as f:
                data = json.load(f)
            os.unlink(self.path)
        except FileNotFoundError:
            return
        self.fail_rcpt = int(data.get("fail_rcpt", 0))
        self.fail_data = int(data.get("fail_data", 0))
        self.stall_data = float(data.get("stall_data", 0))
        self.reject = {a.lower() for a in data.get("reject", [])}


class Handler:
    def __init__(self, directory, faults):
        self.directory = directory
        self.faults = faults
        self.count = len([n for n in os.listdir(directory) if n.endswith(".json")
                          and n != "faults.json"])

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        self.faults.refresh()
        if address.lower() in self.faults.reject:
            return "550 5.1.1 <%s>: Recipient address rejected: User unknown" % address
        if self.faults.fail_rcpt > 0:
            self.faults.fail_rcpt -= 1
            return "451 4.3.0 Temporary failure, try again later"
        envelope.rcpt_tos.append(address)
        return "250 2.1.5 OK"

    async def handle_DATA(self, server, session, envelope):
        self.faults.refresh()
        if self.faults.stall_data > 0:
            seconds, self.faults.stall_data = self.faults.stall_data, 0.0
            open(os.path.join(self.directory, "stalling"), "w").close()  # the test waits for it
            await asyncio.sleep(seconds)
            return "451 4.3.0 Stalled, try again later"
        if self.faults.fail_data > 0:
            self.faults.fail_data -= 1
            return "452 4.3.1 Insufficient system storage"
        self.count += 1
        base = os.path.join(self.directory, "%04d" % self.count)
        with open(base + ".eml.tmp", "wb") as f:
            f.write(envelope.original_content)
        os.rename(base + ".eml.tmp", base + ".eml")
        meta = {"mail_from": envelope.mail_from, "rcpt_tos": envelope.rcpt_tos,
                "login": session.auth_data if session.authenticated else None}
        with open(base + ".json.tmp", "w", encoding="utf-8") as f:
            json.dump(meta, f)
        os.rename(base + ".json.tmp", base + ".json")
        return "250 2.0.0 Ok: queued as %04d" % self.count


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dir", required=True)
    parser.add_argument("--security", choices=["tls", "starttls", "none"], default="none")
    parser.add_argument("--cert")
    parser.add_argument("--key")
    parser.add_argument("--user")
    parser.add_argument("--password")
    parser.add_argument("--fail-rcpt", type=int, default=0)
    parser.add_argument("--fail-data", type=int, default=0)
    parser.add_argument("--reject", action="append", default=[])
    args = parser.parse_args()

    context = None
    if args.security != "none":
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(args.cert, args.key)

    def authenticate(server, session, envelope, mechanism, auth_data):
        if not isinstance(auth_data, LoginPassword):
            return AuthResult(success=False, handled=False)
        ok = auth_data.login.decode() == args.user and auth_data.password.decode() == args.password
        if not ok:
            return AuthResult(success=False, handled=False)
        return AuthResult(success=True, auth_data=auth_data.login.decode())

    handler = Handler(args.dir, Faults(args.dir, args.fail_rcpt, args.fail_data, args.reject))

    def factory():
        return SMTP(
            handler,
            hostname="slotdesk-test-smtp",
            tls_context=context if args.security == "starttls" else None,
            require_starttls=args.security == "starttls",
            authenticator=authenticate if args.user else None,
            auth_required=bool(args.user),
            # On a plain connection the test still wants AUTH (over loopback only).
            auth_require_tls=args.security == "starttls",
        )

    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    server = loop.run_until_complete(loop.create_server(
        factory, host="127.0.0.1", port=0,
        ssl=context if args.security == "tls" else None))
    port = server.sockets[0].getsockname()[1]
    print("listening on %d" % port, flush=True)
    loop.add_signal_handler(signal.SIGTERM, loop.stop)
    loop.add_signal_handler(signal.SIGINT, loop.stop)
    try:
        loop.run_forever()
    finally:
        server.close()
        loop.run_until_complete(server.wait_closed())
        loop.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
