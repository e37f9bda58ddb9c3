// SPDX-License-Identifier: MIT
#include "api/jsonscan.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace tg::jsonscan {

namespace {

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

qsizetype skipSpace(const QByteArray &s, qsizetype i)
{
    while (i < s.size() && isSpace(s.at(i)))
        ++i;
    return i;
}

/// Index just past the string starting at i (s[i] == '"'), or -1.
qsizetype skipString(const QByteArray &s, qsizetype i)
{
    for (++i; i < s.size(); ++i) {
        const char c = s.at(i);
        if (c == '\\')
            ++i;
        else if (c == '"')
            return i + 1;
    }
    return -1;
}

/// Index just past the value starting at i (no leading space), or -1. Iterative, so deep nesting
/// cannot overflow the stack.
qsizetype skipValue(const QByteArray &s, qsizetype i)
{
    if (i >= s.size())
        return -1;
    const char c = s.at(i);
    if (c == '"')
        return skipString(s, i);
    if (c == '{' || c == '[') {
        int depth = 0;
        while (i < s.size()) {
            const char d = s.at(i);
            if (d == '"') {
                i = skipString(s, i);
                if (i < 0)
                    return -1;
                continue;
            }
            if (d == '{' || d == '[') {
                ++depth;
            } else if (d == '}' || d == ']') {
                if (--depth == 0)
                    return i + 1;
            }
            ++i;
        }
        return -1;
    }
    while (i < s.size()) {
        const char d = s.at(i);
        if (d == ',' || d == '}' || d == ']' || isSpace(d))
            break;
        ++i;
    }
    return i;
}

bool keyEquals(const QByteArray &rawKey, const QByteArray &key)
{
    // rawKey includes the quotes.
    if (!rawKey.contains('\\'))
        return rawKey.size() == key.size() + 2 && rawKey.mid(1, key.size()) == key;
    const QJsonDocument doc = QJsonDocument::fromJson('[' + rawKey + ']');
    return doc.array().at(0).toString() == QString::fromUtf8(key);
}

} // namespace

QByteArray member(const QByteArray &object, const QByteArray &key)
{
    qsizetype i = skipSpace(object, 0);
    if (i >= object.size() || object.at(i) != '{')
        return {};
    ++i;
    while (true) {
        i = skipSpace(object, i);
        if (i >= object.size() || object.at(i) != '"')
            return {};
        const qsizetype keyEnd = skipString(object, i);
        if (keyEnd < 0)
            return {};
        const QByteArray rawKey = object.mid(i, keyEnd - i);
        i = skipSpace(object, keyEnd);
        if (i >= object.size() || object.at(i) != ':')
            return {};
        i = skipSpace(object, i + 1);
        const qsizetype valueEnd = skipValue(object, i);
        if (valueEnd < 0)
            return {};
        if (keyEquals(rawKey, key))
            return object.mid(i, valueEnd - i);
        i = skipSpace(object, valueEnd);
        if (i >= object.size() || object.at(i) != ',')
            return {};
        ++i;
    }
}

QList<QByteArray> elements(const QByteArray &array)
{
    QList<QByteArray> out;
    qsizetype i = skipSpace(array, 0);
    if (i >= array.size() || array.at(i) != '[')
        return out;
    i = skipSpace(array, i + 1);
    if (i < array.size() && array.at(i) == ']')
        return out;
    while (i < array.size()) {
        i = skipSpace(array, i);
        const qsizetype end = skipValue(array, i);
        if (end < 0)
            return out;
        out.append(array.mid(i, end - i));
        i = skipSpace(array, end);
        if (i >= array.size() || array.at(i) != ',')
            break;
        ++i;
    }
    return out;
}

} // namespace tg::jsonscan
