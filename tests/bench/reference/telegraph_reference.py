#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""A stand-in for the reference Python converter, for side-by-side benchmarks.

Implements strict HTML -> Telegraph nodes over Python's html.parser and nodes -> HTML following
the rules in tests/data/vectors/README.md, with output written the way the reference client's
users write it: json.dumps(nodes, ensure_ascii=False, separators=(',', ':')).

    telegraph_reference.py html-to-nodes FILE [--repeat N]   JSON of the nodes on stdout
    telegraph_reference.py nodes-to-html FILE [--repeat N]   HTML on stdout
    telegraph_reference.py --check-vectors DIR               every vector of DIR, or exit 1

With --repeat N the conversion runs N times in-process and the best time (conversion and
serialization only, without reading the file or starting Python) goes to stderr as
"inprocess_seconds=S".
"""

import json
import re
import sys
import time
from html import escape
from html.parser import HTMLParser

ALLOWED_TAGS = {
    'a', 'aside', 'b', 'blockquote', 'br', 'code', 'em', 'figcaption', 'figure', 'h3', 'h4',
    'hr', 'i', 'iframe', 'img', 'li', 'ol', 'p', 'pre', 's', 'strong', 'u', 'ul', 'video',
}
VOID_ELEMENTS = {
    'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'keygen', 'link', 'menuitem',
    'meta', 'param', 'source', 'track', 'wbr',
}
BLOCK_ELEMENTS = {
    'address', 'article', 'aside', 'blockquote', 'canvas', 'dd', 'div', 'dl', 'dt', 'fieldset',
    'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header',
    'hgroup', 'hr', 'li', 'main', 'nav', 'noscript', 'ol', 'output', 'p', 'pre', 'section',
    'table', 'tfoot', 'ul', 'video',
}
WHITESPACE = re.compile(r'(\s+)', re.UNICODE)


class ConversionError(Exception):
    kind = 'InvalidHTML'


class NotAllowedTag(ConversionError):
    kind = 'NotAllowedTag'


class InvalidHTML(ConversionError):
    kind = 'InvalidHTML'


class _NodesBuilder(HTMLParser):
    """Turns html.parser events into nodes: rules 1-5 of the vectors' README."""

    def __init__(self):
        super().__init__()  # convert_charrefs=True: references arrive decoded in data
        self.nodes = []
        self.current = self.nodes
        self.parents = []
        self.last_text = None
        # Every start tag, void ones included; an end tag pops the last entry, so a 'pre' entry
        # can outlive its element (rule 5 follows this path). The reference client scans this
        # list for 'pre' on every text, which grows quadratic with void elements; a count of
        # the 'pre' entries gives the same answers in constant time, so this stand-in is never
        # slower than the reference and the ratios measured against it are conservative.
        self.path = []
        self.pre_in_path = 0

    def handle_data(self, data):
        if not data:
            return
        if not self.pre_in_path:
            data = WHITESPACE.sub(' ', data)
            if self.last_text is None or self.last_text.endswith(' '):
                data = data.lstrip(' ')
            if not data:
                self.last_text = None
                return
            self.last_text = data
        if self.current and isinstance(self.current[-1], str):
            self.current[-1] += data
        else:
            self.current.append(data)

    def handle_starttag(self, tag, attrs):
        if tag not in ALLOWED_TAGS:
            raise NotAllowedTag(f'{tag!r} tag is not allowed')
        if tag in BLOCK_ELEMENTS:
            self.last_text = None
        node = {'tag': tag}
        self.path.append(tag)
        self.pre_in_path += tag == 'pre'
        self.current.append(node)
        if attrs:
            node['attrs'] = {name: '' if value is None else value for name, value in attrs}
        if tag not in VOID_ELEMENTS:
            self.parents.append(self.current)
            self.current = node['children'] = []

    def handle_endtag(self, tag):
        if tag in VOID_ELEMENTS:
            return
        if not self.parents:
            raise InvalidHTML(f'{tag!r} missing start tag')
        self.current = self.parents.pop()
        last = self.current[-1]
        if last['tag'] != tag:
            raise InvalidHTML(f'{tag!r} tag closed instead of {last["tag"]!r}')
        self.pre_in_path -= self.path.pop() == 'pre'
        if not last['children']:
            del last['children']

    def result(self):
        if self.parents:
            raise InvalidHTML(f'{self.parents[-1][-1]["tag"]!r} tag is not closed')
        return self.nodes


def html_to_nodes(html):
    builder = _NodesBuilder()
    try:
        builder.feed(html)
    except AssertionError as e:  # html.parser's own refusals (unknown marked sections)
        raise InvalidHTML(str(e)) from None
    return builder.result()


def nodes_to_html(nodes):
    out = []
    stack = []
    current, i = nodes, -1
    while True:
        i += 1
        if i >= len(current):
            if not stack:
                break
            current, i = stack.pop()
            out.append(f'</{current[i]["tag"]}>')
            continue
        node = current[i]
        if isinstance(node, str):
            out.append(escape(node))
            continue
        out.append(f'<{node["tag"]}')
        for name, value in (node.get('attrs') or {}).items():
            out.append(f' {name}="{escape(value)}"')
        if node.get('children'):
            out.append('>')
            stack.append((current, i))
            current, i = node['children'], -1
            continue
        out.append('/>' if node['tag'] in VOID_ELEMENTS else f'></{node["tag"]}>')
    return ''.join(out)


def json_dumps(nodes):
    return json.dumps(nodes, ensure_ascii=False, separators=(',', ':'))


def check_vectors(directory):
    failures = 0
    count = 0
    with open(f'{directory}/html_to_nodes.jsonl', encoding='utf-8') as f:
        for line in f:
            if not line.strip():
                continue
            v = json.loads(line)
            count += 1
            try:
                got = html_to_nodes(v['html'])
                if 'error' in v or got != v['nodes']:
                    failures += 1
                    print(f'{v["id"]}: got {json_dumps(got)[:200]}', file=sys.stderr)
            except ConversionError as e:
                expected = v.get('error')
                if not expected or expected['kind'] != e.kind or expected['message'] != str(e):
                    failures += 1
                    print(f'{v["id"]}: got {e.kind}: {e}, expected {expected}', file=sys.stderr)
    with open(f'{directory}/nodes_to_html.jsonl', encoding='utf-8') as f:
        for line in f:
            if not line.strip():
                continue
            v = json.loads(line)
            count += 1
            got = nodes_to_html(v['nodes'])
            if got != v['html']:
                failures += 1
                print(f'{v["id"]}: got {got[:200]!r}', file=sys.stderr)
    print(f'{count - failures} of {count} vectors pass')
    return 0 if failures == 0 else 1


def main(argv):
    if len(argv) >= 2 and argv[0] == '--check-vectors':
        return check_vectors(argv[1])
    if len(argv) < 2 or argv[0] not in ('html-to-nodes', 'nodes-to-html'):
        print(__doc__, file=sys.stderr)
        return 2
    repeat = int(argv[3]) if len(argv) >= 4 and argv[2] == '--repeat' else 1
    with open(argv[1], 'rb') as f:
        data = f.read()
    if data.startswith(b'\xef\xbb\xbf'):
        data = data[3:]
    text = data.decode('utf-8')
    best = None
    for _ in range(repeat):
        start = time.perf_counter()
        try:
            if argv[0] == 'html-to-nodes':
                out = json_dumps(html_to_nodes(text))
            else:
                out = nodes_to_html(json.loads(text))
        except ConversionError as e:
            print(f'error: {e.kind}: {e}', file=sys.stderr)
            return 2
        elapsed = time.perf_counter() - start
        best = elapsed if best is None else min(best, elapsed)
    sys.stdout.buffer.write(out.encode('utf-8') + b'\n')
    if repeat > 1:
        print(f'inprocess_seconds={best:.6f}', file=sys.stderr)
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
