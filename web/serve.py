"""Serve the stand-in municipality page and the chat widget's bundle.

    python web/serve.py [--host 127.0.0.1] [--port 8080]

Only what a visitor needs is served: the pages and static/ from web/, and
rasa-webchat's prebuilt bundle (web/node_modules/rasa-webchat/lib/) under
/vendor/rasa-webchat/, so nothing is loaded from a CDN. node_modules, this
script and the npm files are never served.
"""

from __future__ import annotations

import argparse
import functools
import posixpath
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

WEB_DIR = Path(__file__).resolve().parent
VENDOR_PREFIX = "/vendor/rasa-webchat/"
VENDOR_DIR = WEB_DIR / "node_modules" / "rasa-webchat" / "lib"
# Paths under web/ that are never served (tooling, not the site).
HIDDEN = ("node_modules", "serve.py", "package.json", "package-lock.json", "README.md")
SERVED_SUFFIXES = {".html", ".css", ".js", ".svg", ".png", ".ico", ".txt"}

# Defence in depth for the widget: no inline script, nothing from other hosts
# (this also stops the widget's CSS @import of a web font), and the socket.io
# connection may only go to the bot on this machine.
CSP = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",  # React style attributes, the widget's <style>
        "img-src 'self' data:",
        "font-src 'self' data:",  # the carousel's icon font is inlined
        "connect-src 'self' http://localhost:* ws://localhost:* http://127.0.0.1:* ws://127.0.0.1:*",
        "object-src 'none'",
        "frame-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'self'",  # no other site may frame the page (clickjacking)
    ]
)


class Handler(SimpleHTTPRequestHandler):
    """Static files from web/, the widget bundle from node_modules, safe headers."""

    def translate_path(self, path: str) -> str:
        """Map a URL path to a file, or to a path that does not exist (404)."""
        url_path = posixpath.normpath(unquote(urlsplit(path).path))
        if path.endswith("/") and not url_path.endswith("/"):
            url_path += "/"
        if url_path.startswith(VENDOR_PREFIX):
            return str(VENDOR_DIR / url_path[len(VENDOR_PREFIX):])
        parts = [p for p in url_path.split("/") if p]
        if parts and (parts[0] in HIDDEN or any(p.startswith(".") for p in parts)):
            return str(WEB_DIR / "__not_served__")
        target = WEB_DIR.joinpath(*parts)
        if target.is_dir():
            return str(target) + "/"
        if target.suffix not in SERVED_SUFFIXES:
            return str(WEB_DIR / "__not_served__")
        return str(target)

    def version_string(self) -> str:
        return "web"  # no server software or Python version for a visitor to look up

    def list_directory(self, path):
        # No directory listings: a folder without index.html is simply not there.
        self.send_error(404)
        return None

    def end_headers(self) -> None:
        self.send_header("Content-Security-Policy", CSP)
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("X-Frame-Options", "SAMEORIGIN")  # frame-ancestors for older browsers
        self.send_header("Referrer-Policy", "no-referrer")
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def log_message(self, format: str, *args) -> None:
        if self.server.verbose:  # type: ignore[attr-defined]
            super().log_message(format, *args)


Handler.extensions_map = {
    **SimpleHTTPRequestHandler.extensions_map,
    ".js": "text/javascript; charset=utf-8",
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
}


def make_server(host: str = "127.0.0.1", port: int = 8080, verbose: bool = False) -> ThreadingHTTPServer:
    """The HTTP server, bound but not yet serving (port 0 picks a free port)."""
    if not (VENDOR_DIR / "index.js").is_file():
        raise SystemExit(f"{VENDOR_DIR}/index.js is missing: run `npm ci` in {WEB_DIR}")
    handler = functools.partial(Handler, directory=str(WEB_DIR))
    server = ThreadingHTTPServer((host, port), handler)
    server.daemon_threads = True
    server.verbose = verbose  # type: ignore[attr-defined]
    return server


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("--verbose", action="store_true", help="log every request")
    args = parser.parse_args(argv)
    server = make_server(args.host, args.port, args.verbose)
    print(f"serving {WEB_DIR} on http://{args.host}:{server.server_port}/", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


if __name__ == "__main__":
    main()
