// SPDX-License-Identifier: MIT
// Fuzzes nodes → HTML (nodesToHtml). The nodes come from the input read as node JSON when it is
// that (the seed corpus), else from a structured decoding of the bytes (see decodeNodes), so any
// input gives a tree. Text and attribute values can never become markup: the output holds exactly
// the '<' and '>' of the tags themselves, and every '&' starts one of the writer's escapes (both
// checked in full when tag and attribute names are plain; names that are not can only add to the
// count, never the text).
#include "content/htmlwriter.h"
#include "fuzzcheck.h"

#include <QByteArray>
#include <QLatin1StringView>
#include <QString>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <iterator>

namespace {

constexpr const char *kTags[] = {
    "a",      "aside", "b",   "blockquote", "br",     "code",   "em",  "figcaption",
    "figure", "h3",    "h4",  "hr",         "i",      "iframe", "img", "li",
    "ol",     "p",     "pre", "s",          "strong", "u",      "ul",  "video",
    "area",   "input", "wbr", "div",        "script", "x-y",    "A"};
constexpr const char *kAttrs[] = {"href", "src", "id", "target", "alt", "title", "data-x"};
constexpr const char *kWriterVoid[] = {"area",  "base",   "br",     "col",  "embed",    "hr",
                                       "img",   "input",  "keygen", "link", "menuitem", "meta",
                                       "param", "source", "track",  "wbr"};

/// Reads the fuzz bytes in order; past the end it gives zeros.
class ByteReader
{
public:
    ByteReader(const uint8_t *data, size_t size)
        : m_p(data)
        , m_end(data + size)
    {}
    bool atEnd() const { return m_p == m_end; }
    uint8_t byte() { return m_p == m_end ? 0 : *m_p++; }
    /// The next n bytes (or what is left) as UTF-8 text.
    QString text(size_t n)
    {
        n = std::min<size_t>(n, size_t(m_end - m_p));
        const QString s = QString::fromUtf8(reinterpret_cast<const char *>(m_p), qsizetype(n));
        m_p += n;
        return s;
    }
    /// A name from the table (most bytes) or raw text (the rest).
    template<size_t N> QString name(const char *const (&table)[N])
    {
        const uint8_t b = byte();
        if (b < 224)
            return QString::fromLatin1(table[b % N]);
        return text(b - 223);
    }

private:
    const uint8_t *m_p;
    const uint8_t *m_end;
};

/// Bytes to a node tree: each step is an opcode byte, then its operands: add a text, open an
/// element, add an attribute to the open element, or close it. Depth is bounded a little beyond
/// MaxNodeDepth (the writer must cope with any depth).
tg::NodeList decodeNodes(const uint8_t *data, size_t size)
{
    ByteReader in(data, size);
    tg::NodeList stack{tg::Node::element(QStringLiteral("root"))};
    while (!in.atEnd()) {
        switch (in.byte() % 4) {
        case 0:
            stack.last().appendChild(tg::Node::text(in.text(in.byte() % 32)));
            break;
        case 1:
            if (stack.size() <= tg::MaxNodeDepth + 8)
                stack.append(tg::Node::element(in.name(kTags)));
            break;
        case 2: {
            const QString name = in.name(kAttrs);
            stack.last().attrs().append({name, in.text(in.byte() % 32)});
            break;
        }
        default:
            if (stack.size() > 1) {
                const tg::Node done = stack.takeLast();
                stack.last().appendChild(done);
            }
            break;
        }
    }
    while (stack.size() > 1) {
        const tg::Node done = stack.takeLast();
        stack.last().appendChild(done);
    }
    return stack.first().children();
}

bool isWriterVoid(const QString &tag)
{
    return std::any_of(std::begin(kWriterVoid), std::end(kWriterVoid),
                       [&tag](const char *v) { return tag == QLatin1StringView(v); });
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const tg::NodeParseResult parsed =
        tg::nodesFromJson(QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)));
    const tg::NodeList nodes = parsed.ok() ? parsed.nodes : decodeNodes(data, size);
    const QString html = tg::nodesToHtml(nodes);

    // The writer leaves out every tag and attribute name that is not a valid HTML name, so the
    // only '<' and '>' in its output are those of the tags it writes.
    qsizetype tagBrackets = 0;
    tg::fuzz::forEachNode(nodes, [&](const tg::Node &n) {
        if (!n.isElement() || !tg::isValidTagName(n.tag()))
            return;
        const bool once = n.children().isEmpty() && isWriterVoid(n.tag());
        tagBrackets += once ? 1 : 2;
    });
    TG_FUZZ_CHECK(html.count(u'<') == tagBrackets && html.count(u'>') == tagBrackets,
                  "a name, a text or an attribute value was written as markup");
    for (qsizetype i = html.indexOf(u'&'); i >= 0; i = html.indexOf(u'&', i + 1)) {
        const QStringView rest = QStringView(html).mid(i);
        TG_FUZZ_CHECK(rest.startsWith(u"&amp;") || rest.startsWith(u"&lt;") ||
                          rest.startsWith(u"&gt;") || rest.startsWith(u"&quot;") ||
                          rest.startsWith(u"&#x27;"),
                      "an '&' in the output that is not one of the writer's escapes");
    }
    return 0;
}
