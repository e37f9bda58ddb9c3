// SPDX-License-Identifier: MIT
#include "workflow/folderlinks.h"

#include <QDir>
#include <QUrl>

namespace tg {

namespace {

/// Runs of a character at `pos` (e.g. the backticks of a code span).
qsizetype runLength(QStringView s, qsizetype pos, QChar c)
{
    qsizetype n = 0;
    while (pos + n < s.size() && s.at(pos + n) == c)
        ++n;
    return n;
}

/// Rewrites the wiki links of one line outside code spans.
void expandLine(QStringView line, QString &out,
                const std::function<QString(const QString &)> &resolve, int *count)
{
    qsizetype i = 0;
    while (i < line.size()) {
        const QChar c = line.at(i);
        if (c == u'`') {
            // A code span: copy through the closing run of the same length (or the rest).
            const qsizetype n = runLength(line, i, c);
            qsizetype j = i + n;
            qsizetype close = -1;
            while (j < line.size()) {
                const qsizetype k = line.indexOf(c, j);
                if (k < 0)
                    break;
                const qsizetype m = runLength(line, k, c);
                if (m == n) {
                    close = k;
                    break;
                }
                j = k + m;
            }
            const qsizetype end = close < 0 ? i + n : close + n;
            out.append(line.mid(i, end - i));
            i = end;
            continue;
        }
        if (c == u'[' && i + 1 < line.size() && line.at(i + 1) == u'[') {
            const qsizetype close = line.indexOf(QStringView(u"]]"), i + 2);
            const qsizetype inner = close - (i + 2);
            if (close > 0 && inner > 0 && inner <= FolderLinks::MaxWikiLinkLength) {
                const QStringView body = line.mid(i + 2, inner);
                if (!body.contains(u'[') && !body.contains(u']')) {
                    const qsizetype bar = body.indexOf(u'|');
                    QString target = (bar >= 0 ? body.left(bar) : body).trimmed().toString();
                    QString text = (bar >= 0 ? body.mid(bar + 1) : body).trimmed().toString();
                    QString fragment;
                    const qsizetype hash = target.indexOf(u'#');
                    if (hash >= 0) {
                        fragment = target.mid(hash + 1);
                        target.truncate(hash);
                        if (bar < 0)
                            text = target.trimmed();
                    }
                    target = target.trimmed();
                    if (text.isEmpty())
                        text = target;
                    const QString path = target.isEmpty() ? QString() : resolve(target);
                    if (path.isEmpty()) {
                        out.append(text);
                    } else {
                        QString href = QString::fromLatin1(QUrl::toPercentEncoding(path, "/"));
                        if (!fragment.isEmpty())
                            href += u'#' + QString::fromLatin1(QUrl::toPercentEncoding(fragment));
                        out.append(u'[' + text + QStringLiteral("](") + href + u')');
                        if (count)
                            ++*count;
                    }
                    i = close + 2;
                    continue;
                }
            }
        }
        out.append(c);
        ++i;
    }
}

} // namespace

QString FolderLinks::expandWikiLinks(QStringView markdown,
                                     const std::function<QString(const QString &)> &resolve,
                                     int *count)
{
    if (count)
        *count = 0;
    if (!markdown.contains(QStringView(u"[[")))
        return markdown.toString();
    QString out;
    out.reserve(markdown.size() + markdown.size() / 8);
    QChar fenceChar;
    qsizetype fenceLength = 0; // inside a fenced code block while > 0
    qsizetype pos = 0;
    while (pos < markdown.size()) {
        qsizetype end = markdown.indexOf(u'\n', pos);
        const qsizetype next = end < 0 ? markdown.size() : end + 1;
        if (end < 0)
            end = markdown.size();
        const QStringView line = markdown.mid(pos, end - pos);
        const QStringView trimmed = line.trimmed();
        const QStringView lineWithEnd = markdown.mid(pos, next - pos);
        qsizetype fence = 0;
        if (!trimmed.isEmpty() && (trimmed.front() == u'`' || trimmed.front() == u'~'))
            fence = runLength(trimmed, 0, trimmed.front());
        if (fenceLength > 0) {
            out.append(lineWithEnd);
            if (fence >= fenceLength && trimmed.front() == fenceChar && trimmed.size() == fence)
                fenceLength = 0;
        } else if (fence >= 3) {
            fenceChar = trimmed.front();
            fenceLength = fence;
            out.append(lineWithEnd);
        } else {
            expandLine(line, out, resolve, count);
            out.append(markdown.mid(end, next - end));
        }
        pos = next;
    }
    return out;
}

QString FolderLinks::resolve(const QString &fromFile, const QString &href, QString *fragment)
{
    if (fragment)
        fragment->clear();
    QString h = href.trimmed();
    if (h.isEmpty() || h.size() > 4096 || h.startsWith(u'#') || h.startsWith(QLatin1String("//")))
        return {};
    // A scheme (http:, mailto:, data:, C:) makes it non-local.
    const qsizetype colon = h.indexOf(u':');
    const qsizetype slash = h.indexOf(u'/');
    if (colon >= 0 && (slash < 0 || colon < slash))
        return {};
    const qsizetype q = h.indexOf(u'?');
    const qsizetype hash = h.indexOf(u'#');
    if (hash >= 0 && fragment)
        *fragment = h.mid(hash + 1);
    qsizetype cut = h.size();
    if (hash >= 0)
        cut = hash;
    if (q >= 0 && q < cut)
        cut = q;
    h.truncate(cut);
    h = QUrl::fromPercentEncoding(h.toUtf8());
    if (h.isEmpty() || h.contains(u'\\'))
        return {};
    for (const QChar c : std::as_const(h)) {
        if (c.unicode() < 0x20)
            return {};
    }
    QString joined;
    if (h.startsWith(u'/')) {
        joined = h.mid(1);
    } else {
        const qsizetype lastSlash = fromFile.lastIndexOf(u'/');
        joined = lastSlash < 0 ? h : fromFile.left(lastSlash + 1) + h;
    }
    const QString cleaned = QDir::cleanPath(joined);
    if (cleaned.isEmpty() || cleaned == u"." || cleaned == u".." ||
        cleaned.startsWith(QLatin1String("../")) || cleaned.startsWith(u'/'))
        return {};
    return cleaned;
}

namespace {

void rewriteInPlace(NodeList &nodes, const FolderLinks::Mapper &map, int depth)
{
    if (depth > MaxNodeDepth)
        return;
    for (Node &n : nodes) {
        if (!n.isElement())
            continue;
        const QString tag = n.tag();
        if (tag == u"a" && n.hasAttr(u"href")) {
            if (const std::optional<QString> v = map(n.attr(u"href"), false))
                n.setAttr(QStringLiteral("href"), *v);
        } else if ((tag == u"img" || tag == u"video") && n.hasAttr(u"src")) {
            if (const std::optional<QString> v = map(n.attr(u"src"), true))
                n.setAttr(QStringLiteral("src"), *v);
        }
        if (!n.children().isEmpty())
            rewriteInPlace(n.children(), map, depth + 1);
    }
}

} // namespace

NodeList FolderLinks::rewrite(const NodeList &content, const Mapper &map)
{
    NodeList copy = content;
    rewriteInPlace(copy, map, 0);
    return copy;
}

void FolderLinks::visit(const NodeList &content,
                        const std::function<void(const QString &, bool)> &visit)
{
    rewrite(content, [&visit](const QString &address, bool image) -> std::optional<QString> {
        visit(address, image);
        return std::nullopt;
    });
}

} // namespace tg
