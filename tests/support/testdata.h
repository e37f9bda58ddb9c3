// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QFile>
#include <QList>
#include <QString>

namespace tg::test {

/// Absolute path of a file under tests/data.
inline QString dataPath(const QString &relative)
{
    return QStringLiteral(TG_TEST_DATA_DIR "/") + relative;
}

/// Whole contents of a test data file; empty when it is missing (tests then fail on content).
inline QByteArray readData(const QString &relative)
{
    QFile f(dataPath(relative));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

/// The non-empty lines of a JSONL test data file.
inline QList<QByteArray> readJsonLines(const QString &relative)
{
    QList<QByteArray> lines;
    const QByteArray all = readData(relative);
    for (const QByteArray &line : all.split('\n')) {
        if (!line.trimmed().isEmpty())
            lines.append(line);
    }
    return lines;
}

/// The raw JSON text of one member of a top-level JSON object, found by walking the object's
/// members (strings and nesting respected), so that key order inside the value survives —
/// QJsonObject would sort it. Returns an empty array when the key is absent or the text is not
/// an object.
inline QByteArray rawJsonMember(const QByteArray &object, const QByteArray &key)
{
    qsizetype i = 0;
    const qsizetype n = object.size();
    auto skipSpace = [&] {
        while (i < n &&
               (object[i] == ' ' || object[i] == '\n' || object[i] == '\r' || object[i] == '\t'))
            ++i;
    };
    auto skipString = [&] { // at the opening quote; leaves i after the closing quote
        ++i;
        while (i < n && object[i] != '"')
            i += object[i] == '\\' ? 2 : 1;
        ++i;
    };
    auto skipValue = [&] {
        skipSpace();
        if (i < n && object[i] == '"') {
            skipString();
            return;
        }
        int depth = 0;
        while (i < n) {
            const char c = object[i];
            if (c == '"') {
                skipString();
                continue;
            }
            if (c == '[' || c == '{')
                ++depth;
            else if (c == ']' || c == '}') {
                if (depth == 0)
                    return;
                if (--depth == 0) {
                    ++i;
                    return;
                }
            } else if (depth == 0 && c == ',')
                return;
            ++i;
        }
    };
    skipSpace();
    if (i >= n || object[i] != '{')
        return {};
    ++i;
    while (i < n) {
        skipSpace();
        if (i >= n || object[i] != '"')
            return {};
        const qsizetype keyStart = i + 1;
        skipString();
        const QByteArray name = object.mid(keyStart, i - 1 - keyStart);
        skipSpace();
        if (i >= n || object[i] != ':')
            return {};
        ++i;
        skipSpace();
        const qsizetype valueStart = i;
        skipValue();
        if (name == key)
            return object.mid(valueStart, i - valueStart).trimmed();
        skipSpace();
        if (i < n && object[i] == ',')
            ++i;
        else
            return {};
    }
    return {};
}

} // namespace tg::test
