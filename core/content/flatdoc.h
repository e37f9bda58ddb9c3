// SPDX-License-Identifier: MIT
#pragma once

#include "content/node.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <cstdio>
#include <cstring>
#include <utility>
#include <vector>

class QIODevice;

namespace tg {

/// The 24 tags Telegraph accepts, in the order of tg::allowedTags(); `Raw` marks any other tag,
/// whose name the document then keeps as a string.
enum class FlatTag : quint8
{
    A,
    Aside,
    B,
    Blockquote,
    Br,
    Code,
    Em,
    Figcaption,
    Figure,
    H3,
    H4,
    Hr,
    I,
    Iframe,
    Img,
    Li,
    Ol,
    P,
    Pre,
    S,
    Strong,
    U,
    Ul,
    Video,
    Raw = 255
};

/// The name of an allowed tag ("a", "blockquote", ...); empty for FlatTag::Raw.
QByteArrayView flatTagName(FlatTag tag);
/// The allowed tag with exactly this (lower-case) name, or FlatTag::Raw.
FlatTag flatTagFromName(QByteArrayView name);

/// A UTF-8 string inside a FlatDoc: a slice of the input it was built from or of its arena.
struct FlatStr
{
    static constexpr quint32 ArenaBit = 0x80000000u;
    quint32 offset = 0; ///< byte offset; ArenaBit set when it points into the arena
    quint32 size = 0;   ///< length in bytes
};

/// One node in preorder. A node's subtree is [its index, end); its first child, when it has one,
/// is the next index, and each child's `end` is its next sibling.
struct FlatNode
{
    enum Kind : quint8
    {
        Text,
        Element
    };
    quint32 end = 0;            ///< index one past the last node of this subtree
    quint32 a = 0;              ///< text: FlatStr::offset; element: index of its first attribute
    quint32 b = 0;              ///< text: FlatStr::size; element: attribute count
    Kind kind = Text;           ///< text or element
    FlatTag tag = FlatTag::Raw; ///< elements only
    quint16 reserved = 0;

    bool isText() const { return kind == Text; }
    bool isElement() const { return kind == Element; }
    bool hasChildren(quint32 self) const { return end > self + 1; }
    FlatStr text() const { return FlatStr{a, b}; }
};

/// One attribute: a name and a value, both UTF-8.
struct FlatAttr
{
    FlatStr name;
    FlatStr value;
};

/// Telegraph content as flat arrays for conversion work: nodes in preorder with subtree ends
/// (indices, not pointers), attributes in one array, and every text as a UTF-8 slice of the input
/// or of one arena. Holds no pointers into itself, so it moves cheaply. Text slices of the input
/// stay valid only while that input does: keep it alive (see keepInput()) as long as the document.
class FlatDoc
{
public:
    FlatDoc() = default;

    const std::vector<FlatNode> &nodes() const { return m_nodes; }
    const std::vector<FlatAttr> &attrs() const { return m_attrs; }
    bool isEmpty() const { return m_nodes.empty(); }

    /// The bytes of s.
    QByteArrayView str(FlatStr s) const
    {
        if (s.offset & FlatStr::ArenaBit)
            return QByteArrayView(m_arena.constData() + (s.offset & ~FlatStr::ArenaBit), s.size);
        return QByteArrayView(m_input.data() + s.offset, s.size);
    }
    /// The text of a text node.
    QByteArrayView text(const FlatNode &n) const { return str(n.text()); }
    /// The tag name of the element at index i (for Raw tags, the name it was read with).
    QByteArrayView tagName(quint32 i) const;

    /// Makes the document share (not copy) the input its slices point into.
    void keepInput(const QByteArray &input) { m_keep = input; }
    /// The input the document's slices point into.
    QByteArrayView input() const { return m_input; }
    /// Bytes held by the arena (texts that had to be decoded, collapsed or merged).
    qsizetype arenaSize() const { return m_arena.size(); }

private:
    friend class FlatBuilder;
    QByteArrayView m_input;
    QByteArray m_keep;
    QByteArray m_arena;
    std::vector<FlatNode> m_nodes;
    std::vector<FlatAttr> m_attrs;
    /// Names of Raw elements, by node index (ascending).
    std::vector<std::pair<quint32, FlatStr>> m_rawTags;
};

/// Builds a FlatDoc in document order: open an element, give it attributes, add texts and
/// children, close it. Strings that lie inside the input are kept as slices; any other string is
/// copied into the arena. Nesting is bounded by tg::MaxNodeDepth.
class FlatBuilder
{
public:
    /// input: the bytes the caller's strings may point into (kept as slices, not copied).
    explicit FlatBuilder(QByteArrayView input = {});

    /// Reserves room for about this many nodes and arena bytes.
    void reserve(qsizetype nodes, qsizetype arenaBytes);

    /// Opens an element as a child of the innermost open one. rawName is its name when tag is
    /// FlatTag::Raw. Returns false (changing nothing) when it would nest deeper than MaxNodeDepth.
    bool open(FlatTag tag, QByteArrayView rawName = {});
    /// Changes the tag of the innermost open element (readers that meet the tag late).
    void setTag(FlatTag tag, QByteArrayView rawName = {});
    /// Adds an attribute to the innermost open element. With replace, an existing attribute of
    /// that name keeps its place and takes the new value (as the reference's dict does).
    void attribute(QByteArrayView name, QByteArrayView value, bool replace = false);
    /// Adds text. With merge, it joins the text directly before it (no element in between), as
    /// the HTML rules need; without, it is always a node of its own (as JSON reads it).
    void text(QByteArrayView utf8, bool merge = true);
    /// Closes the innermost open element.
    void close();
    /// Open elements.
    int depth() const { return int(m_stack.size()); }
    /// Closes what is still open and hands over the document; the builder is empty afterwards.
    FlatDoc finish();

private:
    FlatStr store(QByteArrayView s);
    void flushText();

    struct Frame
    {
        quint32 node;
        size_t attrs; // its pending attributes, m_attrPool[attrs], committed when it closes
    };
    FlatDoc m_doc;
    const char *m_inBegin = nullptr;
    const char *m_inEnd = nullptr;
    std::vector<Frame> m_stack;
    std::vector<std::vector<FlatAttr>> m_attrPool; // one list per depth, reused
    // Pending merged text: a slice of the input [m_sliceBegin, m_sliceEnd), or m_pendingBuf.
    bool m_hasPending = false;
    bool m_pendingInBuf = false;
    const char *m_sliceBegin = nullptr;
    const char *m_sliceEnd = nullptr;
    QByteArray m_pendingBuf;
};

/// The tree form of a flat document, for code that wants tg::Node (the editor, the client).
NodeList toNodes(const FlatDoc &doc);
/// A flat document holding copies of nodes' strings in its arena (lone surrogates become U+FFFD,
/// as tg::toJson writes them). Nesting deeper than MaxNodeDepth is cut off at that depth.
FlatDoc fromNodes(const NodeList &nodes);

/// Where writers put their bytes: a QByteArray, a QIODevice or a FILE*, through a 64 KiB buffer
/// so that a device or file sees one write per chunk.
class ByteSink
{
public:
    explicit ByteSink(QByteArray *target);
    explicit ByteSink(QIODevice *device);
    explicit ByteSink(std::FILE *file);
    ByteSink(const ByteSink &) = delete;
    ByteSink &operator=(const ByteSink &) = delete;
    /// Flushes what is buffered.
    ~ByteSink();

    void append(const char *data, qsizetype size)
    {
        if (size <= 0)
            return;
        if (size <= qsizetype(sizeof(m_buf)) - m_used) {
            std::memcpy(m_buf + m_used, data, size_t(size));
            m_used += size;
        } else {
            appendSlow(data, size);
        }
    }
    void append(QByteArrayView bytes) { append(bytes.data(), bytes.size()); }
    void append(char c)
    {
        if (m_used == qsizetype(sizeof(m_buf)))
            flush();
        m_buf[m_used++] = c;
    }
    /// Writes what is buffered to the target; false once any write has failed.
    bool flush();
    /// False when a write to the device or file failed.
    bool ok() const { return m_ok; }
    /// Bytes accepted so far.
    qint64 total() const { return m_total + m_used; }

private:
    void appendSlow(const char *data, qsizetype size);
    QByteArray *m_bytes = nullptr;
    QIODevice *m_device = nullptr;
    std::FILE *m_file = nullptr;
    bool m_ok = true;
    qint64 m_total = 0;
    qsizetype m_used = 0;
    char m_buf[64 * 1024];
};

/// Writes doc as compact JSON, byte for byte what tg::toJson(toNodes(doc)) gives.
void flatToJson(const FlatDoc &doc, ByteSink &out);
QByteArray flatToJson(const FlatDoc &doc);
/// Byte size of flatToJson(doc) without writing it; what the 64 KiB content limit is measured on.
qsizetype flatJsonSize(const FlatDoc &doc);

/// Result of reading nodes JSON into a flat document; error and offset as tg::NodeParseResult.
struct FlatJsonResult
{
    FlatDoc doc;
    QString error;         ///< empty on success
    qsizetype offset = -1; ///< byte offset of the error in the input
    bool ok() const { return error.isEmpty(); }
};

/// Reads nodes JSON exactly as tg::nodesFromJson does (same acceptance, same messages and
/// offsets), into a flat document whose unescaped strings are slices of json: keep json alive as
/// long as the document (FlatDoc::keepInput does so for a QByteArray).
FlatJsonResult flatFromJson(QByteArrayView json);

/// Writes doc as HTML, byte for byte what tg::nodesToHtml(toNodes(doc)) gives (as UTF-8).
void flatToHtml(const FlatDoc &doc, ByteSink &out);
QByteArray flatToHtml(const FlatDoc &doc);

} // namespace tg
