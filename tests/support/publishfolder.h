// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QString>
#include <QStringList>

namespace tg::test {

/// A generated folder of notes for the folder publishing tests and benchmark:
/// - notes/n00.md … notes/n27.md, each linking to the next ([next](n01.md)) and back to the
///   previous one with a fragment ([back](n00.md#top)); n27 links to n00, closing a cycle;
/// - index.md with front matter (title, author), wiki links [[n05]], [[notes/n06|Six]] and
///   [[n07#part]], and a link to every note;
/// - n00–n02 show img/a.png, n03 shows img/b.png, n04 a remote image;
/// - page.html (HTML, linking to index.md), big.md (over 64 KiB, published as a series);
/// - ignored: .hidden/x.md, notes/readme.txt.
/// 31 page files in all. Returns the relative paths of the page files.
struct PublishFolder
{
    static constexpr int Notes = 28;

    static QString note(int i)
    {
        return QStringLiteral("notes/n%1.md").arg(i, 2, 10, QLatin1Char('0'));
    }

    /// A valid 1×1 PNG, followed by `salt` after its end so that images differ in content.
    static QByteArray png(const QByteArray &salt)
    {
        return QByteArray::fromHex(
                   "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                   "1f15c4890000000d49444154789c6360000002000001e221bc330000000049454e44ae426082") +
               salt;
    }

    static bool write(const QString &path, const QByteArray &data)
    {
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile f(path);
        return f.open(QIODevice::WriteOnly) && f.write(data) == data.size();
    }

    static QByteArray noteText(int i, const QByteArray &extra = {})
    {
        const int next = (i + 1) % Notes;
        const int prev = (i + Notes - 1) % Notes;
        QByteArray t = "# Note " + QByteArray::number(i) + "\n\nThis is note " +
                       QByteArray::number(i) + ". Go to the [next note](n" +
                       QByteArray::number(next).rightJustified(2, '0') + ".md) or [back](n" +
                       QByteArray::number(prev).rightJustified(2, '0') + ".md#top).\n";
        if (i <= 2)
            t += "\n![A picture](../img/a.png)\n";
        if (i == 3)
            t += "\n![Another picture](../img/b.png)\n";
        if (i == 4)
            t += "\n![Remote](https://example.com/remote.png)\n";
        if (i == 8)
            t += "\nSee the [[index|home page]] and `[[not a link]]`.\n";
        return t + extra;
    }

    static QStringList create(const QString &dir)
    {
        QStringList files;
        auto put = [&](const QString &rel, const QByteArray &data, bool page = true) {
            write(dir + QLatin1Char('/') + rel, data);
            if (page)
                files << rel;
        };
        for (int i = 0; i < Notes; ++i)
            put(note(i), noteText(i));
        QByteArray index = "---\ntitle: \"The Index\"\nauthor: Folder Tester\n---\n\n"
                           "Wiki: [[n05]], [[notes/n06|Six]] and [[n07#part]].\n\n";
        for (int i = 0; i < Notes; ++i)
            index += "- [Note " + QByteArray::number(i) + "](" + note(i).toUtf8() + ")\n";
        put(QStringLiteral("index.md"), index);
        put(QStringLiteral("page.html"),
            "<h1>An HTML page</h1><p>Back to <a href=\"index.md\">the index</a>.</p>");
        QByteArray big = "# A long read\n\nStart at [the first note](notes/n00.md).\n\n";
        for (int s = 0; big.size() < 100 * 1024; ++s) {
            big += "### Section " + QByteArray::number(s) + "\n\n";
            for (int p = 0; p < 4; ++p)
                big += "Paragraph " + QByteArray::number(p) +
                       " of a section that is long enough to fill pages quickly, with words "
                       "and more words so the series has several parts to link.\n\n";
        }
        put(QStringLiteral("big.md"), big);
        put(QStringLiteral("img/a.png"), png("a"), false);
        put(QStringLiteral("img/b.png"), png("b"), false);
        put(QStringLiteral(".hidden/x.md"), "# hidden\n", false);
        put(QStringLiteral("notes/readme.txt"), "not a page\n", false);
        return files;
    }
};

} // namespace tg::test
