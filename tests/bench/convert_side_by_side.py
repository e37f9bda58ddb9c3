#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Side-by-side benchmark of `telegraph convert` against the reference Python converter.

    convert_side_by_side.py --telegraph build/ci/app/telegraph [--size-mib 8] [--runs 5]

Builds a deterministic article (the one bench_html uses: headings, paragraphs with inline
markup, links, entities, Latin and Cyrillic text, lists, a figure, a quote and a code block,
repeated), then for html-to-nodes (strict, compact JSON out) and nodes-to-html runs both whole
processes alternately, checks that their outputs are byte-identical, and prints the median wall
time of the runs, the ratio, and each side's peak resident memory. The reference also reports
its best in-process time (conversion and serialization only, without start-up or reading).
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REFERENCE = os.path.join(HERE, 'reference', 'telegraph_reference.py')

SECTION = (
    "<h3>Section {0}: on the shape of things</h3>\n"
    "<p>Lorem ipsum dolor sit amet, <b>consectetur</b> adipiscing elit, sed do eiusmod "
    "tempor incididunt ut labore et dolore magna aliqua. Ut enim ad minim veniam, quis "
    "nostrud <a href=\"https://example.org/articles/{0}?ref=tg&amp;lang=en\">exercitation "
    "ullamco</a> laboris nisi ut aliquip ex ea commodo consequat.</p>\n"
    "<p>Съешь же ещё этих мягких французских булок, да выпей чаю. <i>Широкая электрификация"
    "</i> южных губерний даст мощный толчок подъёму сельского хозяйства &mdash; "
    "&laquo;цитата&raquo; и&nbsp;неразрывный пробел.</p>\n"
    "<figure><img src=\"/file/6c2ecfdfd6881d37913fa{0}.png\"/><figcaption>Figure {0}: a "
    "picture worth a thousand words</figcaption></figure>\n"
    "<ul><li>First point, with <code>inline_code({0})</code></li><li>Second point &amp; a "
    "<strong>strong</strong> claim</li><li>Third point<br/>on two lines</li></ul>\n"
    "<blockquote>Simplicity is prerequisite for reliability. <em>&#8212; E. W. "
    "Dijkstra</em></blockquote>\n"
    "<pre>int main()\n{{\n    return {0} &lt; 42 ? 0 : 1;\n}}\n</pre>\n"
    "<p>Duis aute irure dolor in reprehenderit in voluptate velit esse cillum dolore eu "
    "fugiat nulla pariatur. Excepteur sint occaecat cupidatat non proident, sunt in culpa "
    "qui officia deserunt mollit anim id est laborum. <s>Struck</s> and <u>underlined</u>."
    "</p>\n<hr/>\n")


def make_article(size):
    out = bytearray()
    k = 1
    while len(out) < size:
        out += SECTION.format(k).encode('utf-8')
        k += 1
    return bytes(out)


def run_measured(cmd, out_path):
    """Runs cmd with stdout to out_path; returns (seconds, peak RSS in MiB, stderr text).

    The peak comes from /usr/bin/time, a small parent: a child's ru_maxrss also counts what its
    parent held when it forked, which would charge this script's memory to the command."""
    with open(out_path, 'wb') as out, tempfile.NamedTemporaryFile() as rss, \
            tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        status = subprocess.call(['/usr/bin/time', '-f', '%M', '-o', rss.name] + cmd,
                                 stdout=out, stderr=err)
        elapsed = time.perf_counter() - start
        err.seek(0)
        text = err.read().decode(errors='replace')
        peak_kib = int(open(rss.name).read().split()[-1])
    if status != 0:
        sys.exit(f'{cmd[0]} failed: {text}')
    return elapsed, peak_kib / 1024.0, text


def compare(name, ours_cmd, ref_cmd, input_size, runs, workdir):
    ours_out = os.path.join(workdir, f'{name}.ours')
    ref_out = os.path.join(workdir, f'{name}.ref')
    ours_t, ref_t, ours_m, ref_m = [], [], [], []
    for _ in range(runs):  # alternating, so both see the same machine load
        t, m, _ = run_measured(ours_cmd, ours_out)
        ours_t.append(t)
        ours_m.append(m)
        t, m, _ = run_measured(ref_cmd, ref_out)
        ref_t.append(t)
        ref_m.append(m)
    with open(ours_out, 'rb') as a, open(ref_out, 'rb') as b:
        identical = a.read() == b.read()
    if not identical:
        sys.exit(f'{name}: outputs differ ({ours_out} vs {ref_out})')
    _, _, err = run_measured(ref_cmd + ['--repeat', '3'], ref_out)
    inproc = next((float(x.split('=')[1]) for x in err.split() if x.startswith('inprocess')),
                  float('nan'))
    o, r = statistics.median(ours_t), statistics.median(ref_t)
    mib = input_size / (1024 * 1024)
    print(f'{name}: input {mib:.2f} MiB, output byte-identical ({os.path.getsize(ours_out)} B)')
    print(f'  ours      median {o:.3f} s  (runs {", ".join(f"{x:.3f}" for x in ours_t)})'
          f'  {mib / o:.0f} MiB/s  peak RSS {max(ours_m):.1f} MiB')
    print(f'  reference median {r:.3f} s  (runs {", ".join(f"{x:.3f}" for x in ref_t)})'
          f'  peak RSS {max(ref_m):.1f} MiB  in-process best {inproc:.3f} s')
    print(f'  ratio     {r / o:.1f}x whole process, {inproc / o:.1f}x reference in-process vs '
          f'our whole process')
    return r / o


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--telegraph', required=True, help='the telegraph command-line tool')
    ap.add_argument('--size-mib', type=float, default=8)
    ap.add_argument('--runs', type=int, default=5)
    ap.add_argument('--python', default=sys.executable)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as work:
        article = make_article(int(args.size_mib * 1024 * 1024))
        html = os.path.join(work, 'article.html')
        with open(html, 'wb') as f:
            f.write(article)
        size = len(article)
        del article
        print(f'machine: {os.cpu_count()} cores; {cpu_model()}')
        compare('html-to-nodes', [args.telegraph, 'convert', 'html-to-nodes', html],
                [args.python, REFERENCE, 'html-to-nodes', html], size, args.runs, work)
        nodes = os.path.join(work, 'article.json')
        subprocess.run([args.telegraph, 'convert', 'html-to-nodes', html],
                       stdout=open(nodes, 'wb'), check=True)
        compare('nodes-to-html', [args.telegraph, 'convert', 'nodes-to-html', nodes],
                [args.python, REFERENCE, 'nodes-to-html', nodes], os.path.getsize(nodes),
                args.runs, work)


def cpu_model():
    try:
        with open('/proc/cpuinfo') as f:
            for line in f:
                if line.startswith('model name'):
                    return line.split(':', 1)[1].strip()
    except OSError:
        pass
    return 'unknown CPU'


if __name__ == '__main__':
    main()
