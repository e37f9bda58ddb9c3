// SPDX-License-Identifier: MIT
#include "workflow/frontmatter.h"

namespace tg {

namespace {

/// A value without its surrounding quotes ("x" or 'x'), trimmed and cut to `limit` characters.
QString cleanValue(QStringView v, int limit)
{
    v = v.trimmed();
    if (v.size() >= 2 &&
        ((v.front() == u'"' && v.back() == u'"') || (v.front() == u'\'' && v.back() == u'\'')))
        v = v.mid(1, v.size() - 2).trimmed();
    QString out;
    out.reserve(qMin<qsizetype>(v.size(), limit));
    for (const QChar c : v) {
        if (out.size() >= limit)
            break;
        // Control characters (a tab, a stray CR) become spaces: a title is one line.
        out.append(c.unicode() < 0x20 || c.unicode() == 0x7f ? QChar(u' ') : c);
    }
    return out.trimmed();
}

bool isFence(QStringView line)
{
    return line.trimmed() == u"---";
}

} // namespace

FrontMatter FrontMatter::parse(QStringView text)
{
    FrontMatter fm;
    qsizetype pos = 0;
    if (text.startsWith(QChar(0xfeff)))
        pos = 1;
    auto lineAt = [&text](qsizetype from, qsizetype *next) {
        qsizetype end = text.indexOf(u'\n', from);
        if (end < 0 || end - from > MaxChars)
            end = qMin<qsizetype>(text.size(), from + MaxChars);
        *next = end < text.size() ? end + 1 : end;
        QStringView line = text.mid(from, end - from);
        if (line.endsWith(u'\r'))
            line.chop(1);
        return line;
    };
    qsizetype next = 0;
    if (!isFence(lineAt(pos, &next)) || next >= text.size())
        return fm;
    FrontMatter found;
    qsizetype cursor = next;
    for (int n = 0; n < MaxLines && cursor < text.size() && cursor - pos <= MaxChars; ++n) {
        const QStringView line = lineAt(cursor, &next);
        if (next <= cursor)
            break;
        cursor = next;
        if (isFence(line) || line.trimmed() == u"...") {
            found.present = true;
            found.bodyStart = cursor;
            return found;
        }
        const qsizetype colon = line.indexOf(u':');
        if (colon <= 0)
            continue;
        const QString key = line.left(colon).trimmed().toString().toLower();
        const QStringView value = line.mid(colon + 1);
        if (key == u"title")
            found.title = cleanValue(value, MaxTitleLength);
        else if (key == u"author")
            found.author = cleanValue(value, MaxAuthorLength);
        else if (key == u"author_url")
            found.authorUrl = cleanValue(value, MaxUrlLength);
    }
    return fm; // never closed within the bounds: not front matter
}

} // namespace tg
