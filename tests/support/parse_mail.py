#!/usr/bin/python3
"""Parses an e-mail with Python's own `email` package (independent of the GMime that wrote it)
and prints what the mail tests check, as JSON: decoded headers, the raw header lines, the MIME
tree, each leaf part (decoded file name, parameters, decoded content, its raw headers) and any
defects the parser found.

  parse_mail.py FILE.eml
"""

import email
import email.policy
import json
import sys


def addresses(message, name):
    header = message[name]
    if header is None:
        return []
    return [{"name": a.display_name, "address": a.addr_spec} for a in header.addresses]


def tree(part):
    if part.is_multipart():
        return "%s(%s)" % (part.get_content_type(),
                           ",".join(tree(p) for p in part.iter_parts()))
    return part.get_content_type()


def main():
    with open(sys.argv[1], "rb") as f:
        data = f.read()
    message = email.message_from_bytes(data, policy=email.policy.default)
    raw = email.message_from_bytes(data, policy=email.policy.compat32)
    leaves = [p for p in message.walk() if not p.is_multipart()]
    raw_leaves = [p for p in raw.walk() if not p.is_multipart()]
    parts = []
    for part, raw_part in zip(leaves, raw_leaves):
        payload = part.get_payload(decode=True) or b""
        parts.append({
            "content_type": part.get_content_type(),
            "params": {k.lower(): v for k, v in part.get_params(header="content-type")[1:]},
            "charset": part.get_content_charset(),
            "transfer_encoding": part.get("Content-Transfer-Encoding", ""),
            "disposition": part.get_content_disposition(),
            "filename": part.get_filename(),
            "raw_headers": {k.lower(): v for k, v in raw_part.items()},
            "content": payload.decode(part.get_content_charset() or "utf-8", "replace"),
        })
    result = {
        "from": addresses(message, "From"),
        "reply_to": addresses(message, "Reply-To"),
        "to": addresses(message, "To"),
        "subject": str(message["Subject"] or ""),
        "message_id": str(message["Message-ID"] or ""),
        "date": message["Date"].datetime.isoformat() if message["Date"] else "",
        "mime_version": str(message["MIME-Version"] or ""),
        "raw_headers": {k.lower(): v for k, v in raw.items()},
        "tree": tree(message),
        "parts": parts,
        "defects": [str(d) for p in message.walk() for d in p.defects],
    }
    json.dump(result, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
