"""A local HTTP server that compresses text as static hosts do, for the query-bytes figure.

GitHub Pages (where the site is deployed) sends HTML, CSS, JavaScript and JSON with
``Content-Encoding: gzip`` to browsers that accept it; Pagefind's index files are gzip
data already and go as they are. ``tests/browserkit.serve`` sends everything as it is on
disk, which is what the search tests need; this one shows what a reader downloads.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler
from pathlib import Path

# the types GitHub Pages compresses, of those the site serves
COMPRESSED = (
    "text/html",
    "text/css",
    "text/javascript",
    "application/javascript",
    "application/json",
)


class _GzipHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass

    def send_head(self):  # type: ignore[no-untyped-def]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?", 1)[0].endswith("/"):
                return super().send_head()  # the parent redirects "dir" to "dir/"
            path = path / "index.html"
        kind = self.guess_type(str(path))
        wants = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (wants and path.is_file() and kind.split(";")[0] in COMPRESSED):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)
        return None


@contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Serve ``directory`` on 127.0.0.1 with gzip for text; yield the base URL."""
    from browserkit import serve as serve_plain

    with serve_plain(directory, _GzipHandler) as base:
        yield base
