// SPDX-License-Identifier: MIT
#pragma once

#include "content/flatdoc.h"
#include "content/node.h"

#include <QByteArrayView>
#include <QStringList>
#include <QStringView>

namespace tg {

/// Outcome of reading Markdown: Telegraph nodes and what could not be kept as written.
struct MarkdownResult
{
    NodeList nodes;
    /// Human-readable changes ("table turned into text", warnings of embedded HTML), deduplicated
    /// with " (N times)" counts.
    QStringList warnings;
};

/// Converts Markdown (CommonMark plus GitHub's strikethrough, tables and bare-URL autolinks) to
/// Telegraph nodes directly, without HTML in between.
///
/// Mapping: `#` and `##` → h3, `###` to `######` → h4 (Telegraph has only two heading levels;
/// a page's title is separate, so the first two levels are the section level); emphasis → em,
/// strong emphasis → strong, `~~x~~` → s, code spans → code, fenced and indented code → pre
/// (info string dropped), block quotes → blockquote (a single paragraph is unwrapped into the
/// quote, as in Telegraph's editor), lists → ul/ol/li (tight lists without p inside li), thematic
/// breaks → hr, hard breaks → br. An image alone in a paragraph becomes
/// `figure(img, figcaption(title, else alt text))`; a YouTube/Vimeo/Twitter/X/Telegram link alone
/// in a paragraph (bare URL, `<url>` or `[url](url "caption")`) becomes an embed figure with the
/// link title as caption. Tables become a paragraph per row with " | " between cells. Raw HTML
/// blocks go through importHtml(); inline raw HTML for u/ins, b, i, s/del, em, strong, code, a and
/// br is applied, other inline tags are unwrapped. md4c 0.4.8 does not start an HTML block at
/// `<h1>`..`<h6>`; such a heading alone in its paragraph still becomes h3/h4 (else unwrapped).
/// Whitespace follows the lenient HTML rules. Nesting deeper than tg::MaxNodeDepth is flattened;
/// nothing recurses without bound.
MarkdownResult markdownToNodes(QStringView markdown);

/// markdownToNodes() on UTF-8 input, read as it is (no UTF-16 step); invalid sequences read as
/// U+FFFD, as QString::fromUtf8() reads them.
MarkdownResult markdownToNodes(QByteArrayView utf8);

/// Outcome of reading Markdown into a flat document.
struct FlatMarkdownResult
{
    /// The nodes markdownToNodes() gives. Its texts are slices of an arena it holds itself, so it
    /// does not depend on the input staying alive.
    FlatDoc doc;
    QStringList warnings; ///< as MarkdownResult::warnings
    QString error;        ///< set (and no nodes) only for input or text of 2 GiB or more
    bool ok() const { return error.isEmpty(); }
};

/// markdownToNodes(utf8) into a flat document: the same reading, nodes, warnings and bounds
/// (invalid UTF-8 reads as U+FFFD), without a tg::Node tree or a QString per text.
FlatMarkdownResult markdownToFlat(QByteArrayView utf8);

namespace detail {

/// What the Markdown reader's flat UTF-8 tree holds before any tg::Node is made.
struct MarkdownFlatStats
{
    qsizetype nodes = 0;     ///< nodes reachable in the final tree
    qsizetype textBytes = 0; ///< UTF-8 bytes of their texts
    qsizetype warnings = 0;
};

/// Runs markdownToNodes(utf8) up to its flat tree only: for benchmarks and the fuzzer, which
/// time and exercise the conversion without the tg::Node step.
MarkdownFlatStats markdownFlatStats(QByteArrayView utf8);

} // namespace detail

} // namespace tg
