// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <optional>

namespace tg {

class Node;

/// Ordered attribute list: Telegraph content and the reference output depend on source order,
/// which QJsonObject (sorted keys) would lose.
using Attributes = QList<QPair<QString, QString>>;
using NodeList = QList<Node>;

/// The deepest element nesting any parser or reader in the project produces. Deeper input is
/// refused with a clear error instead of overflowing the stack in recursive code.
constexpr int MaxNodeDepth = 512;

/// One Telegraph content node: a text, or an element with a tag, ordered attributes and children.
/// A plain value type; copies share data implicitly through QString/QList.
class Node
{
public:
    enum class Kind
    {
        Text,
        Element
    };

    /// An empty text node.
    Node() = default;
    Node(const Node &) = default;
    Node(Node &&) noexcept = default;
    Node &operator=(const Node &) = default;
    Node &operator=(Node &&) noexcept = default;
    /// Frees descendants iteratively, so a tree of any depth is destroyed without deep recursion.
    ~Node();

    static Node text(const QString &text);
    static Node element(const QString &tag, const Attributes &attrs = {},
                        const NodeList &children = {});

    Kind kind() const { return m_kind; }
    bool isText() const { return m_kind == Kind::Text; }
    bool isElement() const { return m_kind == Kind::Element; }

    /// The text of a text node; empty for elements.
    const QString &textValue() const { return m_value; }
    /// The tag of an element; empty for text nodes.
    QString tag() const { return isElement() ? m_value : QString(); }

    const Attributes &attrs() const { return m_attrs; }
    Attributes &attrs() { return m_attrs; }
    const NodeList &children() const { return m_children; }
    NodeList &children() { return m_children; }

    bool hasAttr(QStringView name) const;
    /// Value of the first attribute with this name, or a null string.
    QString attr(QStringView name) const;
    /// Replaces the value of an existing attribute or appends it.
    void setAttr(const QString &name, const QString &value);

    void setText(const QString &text) { m_value = text; }
    /// Appends to a text node's text in place: amortized constant time per character, where
    /// setText(textValue() + more) copies the whole text each time.
    void appendText(QStringView more) { m_value.append(more); }
    void appendChild(const Node &child) { m_children.append(child); }

    /// All text below this node (or the text itself), concatenated.
    QString plainText() const;

    friend bool operator==(const Node &a, const Node &b);
    friend bool operator!=(const Node &a, const Node &b) { return !(a == b); }

private:
    Kind m_kind = Kind::Text;
    QString m_value; // text, or tag
    Attributes m_attrs;
    NodeList m_children;
};

} // namespace tg

Q_DECLARE_TYPEINFO(tg::Node, Q_RELOCATABLE_TYPE);

namespace tg {

/// The 24 tags Telegraph accepts in page content.
const QStringList &allowedTags();
bool isAllowedTag(QStringView tag);
/// HTML void elements (br, hr, img, ... including the non-Telegraph ones), which never take
/// children.
bool isVoidTag(QStringView tag);
/// Whether name can be written as an HTML attribute name without ever becoming markup: an ASCII
/// letter followed by ASCII letters, digits, `-`, `_`, `:` or `.` (at most 64 characters). Strictly
/// narrower than what HTML allows, and wide enough for `href`, `target`, `data-*` or `xml:lang`.
bool isValidAttributeName(QStringView name);
/// Whether name can be written as an element name: an ASCII letter followed by ASCII letters,
/// digits or `-` (at most 64 characters), such as `h3` or `my-widget`.
bool isValidTagName(QStringView name);

/// Serializes nodes exactly as the API expects: compact JSON, non-ASCII as raw UTF-8 (no \u
/// escapes), attribute order kept, `attrs` only when present, `children` only when non-empty.
QByteArray toJson(const NodeList &nodes);
QByteArray toJson(const Node &node);

/// Byte size of toJson(nodes) without building it; what the 64 KiB limit is measured on.
qsizetype jsonSize(const NodeList &nodes);

/// Result of reading nodes from JSON: the nodes, or a message naming what is wrong and where.
struct NodeParseResult
{
    NodeList nodes;
    QString error;         ///< empty on success
    qsizetype offset = -1; ///< byte offset of the error in the input
    bool ok() const { return error.isEmpty(); }
};

/// Reads a JSON array of nodes (or a single node object/string) keeping attribute order.
/// Accepts what the API returns and what our own toJson writes; rejects invalid JSON, invalid
/// UTF-8, non-string attribute values and nesting deeper than MaxNodeDepth with a clear error.
NodeParseResult nodesFromJson(const QByteArray &json);

/// Count of Unicode code points, the unit in which Telegraph measures text lengths.
qsizetype codePointCount(QStringView s);

} // namespace tg
