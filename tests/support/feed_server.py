#!/usr/bin/python3
"""A calendar feed server for the ICS-feed suites (Python's http.server on 127.0.0.1, a free
port): every GET answers DIR/feed.ics as text/calendar with an ETag (the SHA-1 of the file) and a
Last-Modified, and 304 when the request's If-None-Match matches. DIR/status, when present, holds
an HTTP status to answer instead (404, 500, ...). Each request's path and conditional headers
are appended to DIR/requests.jsonl. Prints "PORT <n>" once it listens.

  feed_server.py DIR
"""

import email.utils
import hashlib
import http.server
import json
import os
import sys

DIRECTORY = sys.argv[1]


class Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_GET(self):
        with open(os.path.join(DIRECTORY, "requests.jsonl"), "a") as log:
            log.write(json.dumps({
                "path": self.path,
                "if_none_match": self.headers.get("If-None-Match"),
                "if_modified_since": self.headers.get("If-Modified-Since"),
            }) + "\n")
        status_file = os.path.join(DIRECTORY, "status")
        if os.path.exists(status_file):
            with open(status_file) as f:
                status = int(f.read().strip())
            body = b"<html>error</html>"
            self.send_response(status)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        path = os.path.join(DIRECTORY, "feed.ics")
        with open(path, "rb") as f:
            body = f.read()
        etag = '"%s"' % hashlib.sha1(body).hexdigest()
        modified = email.utils.formatdate(os.path.getmtime(path), usegmt=True)
        if self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self.send_header("ETag", etag)
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/calendar; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("ETag", etag)
        self.send_header("Last-Modified", modified)
        self.end_headers()
        self.wfile.write(body)


def main():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    print("PORT %d" % server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
