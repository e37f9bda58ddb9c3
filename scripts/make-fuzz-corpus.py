#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Writes the fuzzers' seed corpora under tests/fuzz/corpus/<target>/ from the conformance
vectors (tests/data/vectors) and fixtures (tests/data/fixtures), plus a few hand-written inputs
for what the vectors do not reach (whole documents, Markdown, raw HTTP requests).

    python3 scripts/make-fuzz-corpus.py                   rewrite every corpus
    python3 scripts/make-fuzz-corpus.py --merge build/asan  the same, keeping only the inputs that
                                                          add coverage (libFuzzer's -merge=1 with
                                                          the fuzzers built there)

Each file is named after the SHA-1 of its content, as libFuzzer names the inputs it adds, so a
rerun gives the same files. Inputs longer than MAX_INPUT bytes are left out; the corpus stays
small enough to live in the repository.
"""
import hashlib
import html
import json
import pathlib
import shutil
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
VECTORS = ROOT / "tests" / "data" / "vectors"
FIXTURES = ROOT / "tests" / "data" / "fixtures"
OUT = ROOT / "tests" / "fuzz" / "corpus"
MAX_INPUT = 8192
TARGETS = ("htmlparser", "htmlimport", "markdown", "node_json", "htmlwriter", "http_request")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link",
        "menuitem", "meta", "param", "source", "track", "wbr"}


def read_jsonl(name):
    with open(VECTORS / name, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def compact(nodes):
    """Node JSON the way the API and tg::toJson write it."""
    return json.dumps(nodes, ensure_ascii=False, separators=(",", ":"))


def nodes_to_html(nodes):
    """The reference nodes_to_html, for turning node fixtures into HTML inputs."""
    out = []
    for n in nodes:
        if isinstance(n, str):
            out.append(html.escape(n))
            continue
        tag = n["tag"]
        attrs = "".join(' %s="%s"' % (k, html.escape(v)) for k, v in n.get("attrs", {}).items())
        kids = n.get("children", [])
        if not kids and tag in VOID:
            out.append("<%s%s/>" % (tag, attrs))
        else:
            out.append("<%s%s>%s</%s>" % (tag, attrs, nodes_to_html(kids), tag))
    return "".join(out)


def nodes_to_markdown(nodes, prefix=""):
    """A rough Markdown rendering of nodes: enough to seed the Markdown fuzzer with real shapes."""
    out = []
    for n in nodes:
        if isinstance(n, str):
            out.append(n)
            continue
        tag = n["tag"]
        kids = n.get("children", [])
        inner = nodes_to_markdown(kids, prefix)
        attrs = n.get("attrs", {})
        if tag == "h3":
            out.append("\n\n## %s\n\n" % inner)
        elif tag == "h4":
            out.append("\n\n### %s\n\n" % inner)
        elif tag in ("p", "figure", "figcaption", "aside"):
            out.append("\n\n%s\n\n" % inner)
        elif tag in ("b", "strong"):
            out.append("**%s**" % inner)
        elif tag in ("i", "em"):
            out.append("*%s*" % inner)
        elif tag == "s":
            out.append("~~%s~~" % inner)
        elif tag == "u":
            out.append("<u>%s</u>" % inner)
        elif tag == "code":
            out.append("`%s`" % inner)
        elif tag == "pre":
            out.append("\n\n```\n%s\n```\n\n" % inner)
        elif tag == "a":
            out.append("[%s](%s)" % (inner, attrs.get("href", "")))
        elif tag == "img":
            out.append("![%s](%s)" % (attrs.get("alt", ""), attrs.get("src", "")))
        elif tag == "iframe":
            out.append("\n\n<%s>\n\n" % attrs.get("src", ""))
        elif tag == "blockquote":
            out.append("\n\n> %s\n\n" % inner.strip().replace("\n", "\n> "))
        elif tag in ("ul", "ol"):
            bullet = "-" if tag == "ul" else "1."
            for li in kids:
                body = nodes_to_markdown([li] if isinstance(li, str) else li.get("children", []))
                out.append("\n%s %s" % (bullet, body.strip().replace("\n", "\n   ")))
            out.append("\n\n")
        elif tag == "hr":
            out.append("\n\n---\n\n")
        elif tag == "br":
            out.append("  \n")
        else:
            out.append(inner)
    return "".join(out)


HTML_DOCUMENTS = [
    "<!DOCTYPE html><html><head><title>T</title><style>p{}</style><script>x()</script></head>"
    "<body><header><h1>Title</h1><nav><a href='/'>home</a></nav></header><main><article>"
    "<h2>Sub</h2><p>Text <span class=x>span</span> <del>old</del><ins>new</ins> <kbd>k</kbd></p>"
    "<section><div><div>nested <b>div</b></div></div></section>"
    "<table><thead><tr><th>A</th><th>B</th></tr></thead><tbody><tr><td>1</td><td>2</td></tr>"
    "</tbody></table><figure><img src='a.png' alt='alt' title='t'><figcaption>cap</figcaption>"
    "</figure><iframe src='https://www.youtube.com/embed/dQw4w9WgXcQ'></iframe>"
    "<p><a href='https://vimeo.com/76979871'>https://vimeo.com/76979871</a></p>"
    "<blockquote class='twitter-tweet'><a href='https://twitter.com/x/status/1'>t</a></blockquote>"
    "<video src='v.mp4'></video><form><input name=a><button>b</button></form><svg><path/></svg>"
    "<h5>five</h5><h6>six</h6><pre>  pre\n   text</pre><template>t</template>"
    "<noscript>n</noscript><ul><li>a<li>b</ul><ol><li>1</ol><hr><br></article></main>"
    "<footer>foot</footer></body></html>",
    "<p>unclosed <b>bold <i>italic</p><div>text</b> more</div></div></span>",
    "<a href='javascript:alert(1)'>x</a><a href=' JaVa\tScRiPt:alert(1)'>y</a>"
    "<img src='data:image/png;base64,AAAA'><a href='vbscript:x'>z</a>",
    "<div>" * 40 + "deep" + "</div>" * 40,
    "<b>" * 40 + "deep" + "</b>" * 40,
    "<div></b>" * 20,
    "<p>&amp; &lt; &gt; &quot; &#39; &#x41; &nbsp; &hellip; &copy &amp &foo; &#0; &#xD800;"
    " &#1114112;</p>",
    "<!-- comment --><?pi x?><![CDATA[cdata]]><p>after</p>",
    "<p>a\u00a0b\u2003c\u200bd\ttab\r\nnewline</p>",
    "<script src='https://telegram.org/js/telegram-widget.js' data-telegram-post='durov/43'>"
    "</script>",
]

MARKDOWN_DOCUMENTS = [
    "# One\n## Two\n### Three\n###### Six",
    "Hello *em* _em2_ **strong** `co`de`` ~~gone~~ [link](https://e.org/)",
    "<u>u</u> <ins>i</ins> <b>b</b> <i>i</i> <s>s</s> <del>d</del> <span>x</span>",
    "one\ntwo  \nthree\\\nfour",
    "- a\n- b\n  - nested\n\n1. x\n2. y\n\n3. three\n4. four",
    "> quote\n> more\n\n> p1\n>\n> p2",
    "```python\nx = 1\n  y\n```\n\n    indented\n\n~~~\n~~~",
    "a\n\n---\n\nb\n\n***",
    '![The alt](/file/a.jpg "The caption")\n\n![only alt](b.png)\n\ntext ![x](a.png) more',
    "https://www.youtube.com/watch?v=dQw4w9WgXcQ\n\n<https://vimeo.com/76979871>\n\n"
    '[https://t.me/durov/43](https://t.me/durov/43 "Post")\n\n[watch](https://youtu.be/dQw4w9WgXcQ)',
    "| Name | Value |\n|------|------:|\n| a    | *1*   |\n| b    | 2     |",
    "<aside>Side note</aside>\n\n<h1>Big</h1>\n\n<table><tr><td>x</td></tr></table>",
    "<h1>Big <b>x</b></h1>\n\ntext <h2>mid</h2> more",
    "[bad](javascript:alert(1)) ok [img](<a b>) [ref][r]\n\n[r]: https://e.org/ 'title'",
    "www.example.org and https://e.org/path?q=1 and mail@example.org",
    "> " * 30 + "deep quote",
    "- " * 30 + "deep list",
    "*" * 50 + "x" + "*" * 50,
    "<div>\n\n*md inside html*\n\n</div>\n\n<!-- comment -->\n\n<script>x()</script>",
    "&amp; &copy; &#35; &#x22; \\* \\_ \\` \\\\",
]

HTTP_REQUESTS = [
    b"GET /getAccountInfo?access_token=abc HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
    b"GET /getPage/Sample-Page-12-15?return_content=true HTTP/1.1\r\nHost: localhost\r\n"
    b"Connection: keep-alive\r\n\r\n",
    b"POST /createAccount HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: "
    b"application/x-www-form-urlencoded\r\nContent-Length: 30\r\n\r\nshort_name=Sandbox&author_name",
    b"POST /createPage HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
    b"Content-Length: 88\r\n\r\n"
    b'{"access_token":"t","title":"T","content":[{"tag":"p","children":["Hello"]}],"x":true}',
    b"POST /editPage/P-01 HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n"
    b"Content-Type: application/json\r\n\r\n5\r\n{\"a\":\r\n4\r\n\"b\"}\r\n0\r\nX-Trailer: 1\r\n\r\n",
    b"POST /upload HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: multipart/form-data; "
    b"boundary=XyZ\r\nContent-Length: 131\r\n\r\n--XyZ\r\nContent-Disposition: form-data; "
    b'name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n\x89PNG\r\n\x1a\n\r\n--XyZ--\r\n',
    b"GET / HTTP/1.1\r\nHost: a\r\n\r\nGET /getViews/P?year=2025 HTTP/1.1\r\nHost: a\r\n\r\n"
    b"HEAD /file/x.jpg HTTP/1.1\r\nHost: a\r\n\r\n",
    b"POST /_sandbox/faults HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nContent-Type: application/json\r\n"
    b'Content-Length: 37\r\n\r\n{"rate":0.2,"kinds":["reset","stall"]}',
    b"POST /_sandbox/flood HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 20\r\n\r\n"
    b"burst=5&interval=2.5",
    b"GET /_sandbox/settings HTTP/1.0\r\n\r\n",
    b"GET /createAccount/?short_name=a%20b&author_url=https%3A%2F%2Fe.org HTTP/1.1\r\n"
    b"Host: 127.0.0.1\r\nExpect: 100-continue\r\n\r\n",
    b"OPTIONS * HTTP/1.1\r\nHost: x\r\nContent-Length: 00000000000000000000001\r\n\r\nA",
]


def write_inputs(folder, inputs):
    folder.mkdir(parents=True)
    seen = set()
    for data in inputs:
        if isinstance(data, str):
            data = data.encode("utf-8")
        if len(data) > MAX_INPUT:
            continue
        name = hashlib.sha1(data).hexdigest()
        if name in seen:
            continue
        seen.add(name)
        (folder / name).write_bytes(data)


def write_corpus(target, inputs, fuzzers):
    """Writes the corpus of target; with a fuzzer for it, only the inputs that add coverage."""
    folder = OUT / target
    if folder.exists():
        shutil.rmtree(folder)
    fuzzer = fuzzers.get(target)
    if fuzzer is None:
        write_inputs(folder, inputs)
    else:
        with tempfile.TemporaryDirectory() as tmp:
            candidates = pathlib.Path(tmp) / "candidates"
            write_inputs(candidates, inputs)
            folder.mkdir(parents=True)
            subprocess.run([fuzzer, "-merge=1", "-max_len=%d" % MAX_INPUT, str(folder),
                            str(candidates)], check=True, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL)
    files = list(folder.iterdir())
    return len(files), sum(p.stat().st_size for p in files)


def built_fuzzers(build_dir):
    """Target name to fuzzer executable, from the build's fuzzers.tsv."""
    manifest = pathlib.Path(build_dir) / "tests" / "fuzz" / "fuzzers.tsv"
    fuzzers = {}
    for line in manifest.read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if len(fields) >= 2 and pathlib.Path(fields[1]).exists():
            fuzzers[fields[0]] = fields[1]
    return fuzzers


def main():
    fuzzers = {}
    if len(sys.argv) == 3 and sys.argv[1] == "--merge":
        fuzzers = built_fuzzers(sys.argv[2])
    elif len(sys.argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    h2n = read_jsonl("html_to_nodes.jsonl")
    n2h = read_jsonl("nodes_to_html.jsonl")
    page = json.loads((FIXTURES / "web-editor-page.json").read_text(encoding="utf-8"))
    content = page["content"]

    node_lists = [v["nodes"] for v in h2n if "nodes" in v] + [v["nodes"] for v in n2h]
    node_lists.append(content)
    html_inputs = [v["html"] for v in h2n] + [v["html"] for v in n2h] + [nodes_to_html(content)]

    corpora = {
        "htmlparser": html_inputs,
        "htmlimport": html_inputs + HTML_DOCUMENTS,
        "markdown": MARKDOWN_DOCUMENTS
        + [nodes_to_markdown(n).strip() + "\n" for n in node_lists if n]
        + [v["html"] for v in h2n[::8]],
        "node_json": [compact(n) for n in node_lists]
        + [compact(page), '"a lone text"', compact(content[0])],
        "htmlwriter": [compact(n) for n in node_lists],
        "http_request": HTTP_REQUESTS,
    }
    total = 0
    for target in TARGETS:
        count, size = write_corpus(target, corpora[target], fuzzers)
        total += size
        print("%-13s %4d inputs %8d bytes" % (target, count, size))
    print("total %d bytes" % total)
    return 0


if __name__ == "__main__":
    sys.exit(main())
