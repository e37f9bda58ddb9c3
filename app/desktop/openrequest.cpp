// SPDX-License-Identifier: MIT
#include "desktop/openrequest.h"

#include "pages/pagecache.h"

#include <QDir>
#include <QFileInfo>

namespace tg {

namespace {

OpenRequest invalid(const QString &argument, const QString &error)
{
    OpenRequest r;
    r.argument = argument;
    r.error = error;
    return r;
}

// What MainWindow::importPath() reads: Markdown, and HTML through the lenient import.
bool isOpenableName(const QString &fileName)
{
    const QString suffix = QFileInfo(fileName).suffix();
    for (const char *known : {"md", "markdown", "html", "htm"}) {
        if (suffix.compare(QLatin1String(known), Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

OpenRequest parseFile(const QString &argument, const QString &path, const QString &workingDir)
{
    QFileInfo info(path);
    if (info.isRelative())
        info.setFile(QDir(workingDir.isEmpty() ? QDir::currentPath() : workingDir), path);
    if (!isOpenableName(info.fileName()))
        return invalid(argument, OpenRequest::tr("Only Markdown (.md, .markdown) and HTML (.html, "
                                                 ".htm) files can be opened."));
    if (!info.exists())
        return invalid(argument, OpenRequest::tr("The file does not exist."));
    if (!info.isFile())
        return invalid(argument, OpenRequest::tr("This is not a file."));
    if (!info.isReadable())
        return invalid(argument, OpenRequest::tr("The file cannot be read."));
    OpenRequest r;
    r.kind = OpenRequest::Kind::File;
    r.argument = argument;
    r.filePath = QDir::cleanPath(info.absoluteFilePath());
    return r;
}

// A page path is one non-empty segment without whitespace or control characters.
bool isPagePath(const QString &path)
{
    if (path.isEmpty() || path.size() > 512)
        return false;
    for (const QChar c : path) {
        if (c == QLatin1Char('/') || c == QLatin1Char('\\') || c.isSpace() ||
            c.category() == QChar::Other_Control)
            return false;
    }
    return path != QLatin1String(".") && path != QLatin1String("..");
}

OpenRequest parsePage(const QString &argument, const QString &hostIn, const QString &rawPath)
{
    const QString host = hostIn.toLower();
    if (!OpenRequest::pageHosts().contains(host))
        return invalid(argument,
                       OpenRequest::tr("Only pages on telegra.ph, graph.org and te.legra.ph "
                                       "can be opened."));
    QString path = rawPath;
    while (path.startsWith(QLatin1Char('/')))
        path.remove(0, 1);
    if (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    if (!isPagePath(path))
        return invalid(argument, OpenRequest::tr("This address does not point to a page."));
    OpenRequest r;
    r.kind = OpenRequest::Kind::Page;
    r.argument = argument;
    r.host = host;
    r.pagePath = path;
    return r;
}

} // namespace

QUrl OpenRequest::pageUrl() const
{
    if (kind != Kind::Page)
        return QUrl();
    QUrl url;
    url.setScheme(QStringLiteral("https"));
    url.setHost(host);
    url.setPath(QLatin1Char('/') + pagePath);
    return url;
}

QString OpenRequest::scheme()
{
    return QStringLiteral("telegraph-desktop");
}

QStringList OpenRequest::pageHosts()
{
    return {QStringLiteral("telegra.ph"), QStringLiteral("graph.org"),
            QStringLiteral("te.legra.ph")};
}

OpenRequest OpenRequest::parse(const QString &argument, const QString &workingDir)
{
    const QString text = argument.trimmed();
    if (text.isEmpty())
        return invalid(argument, OpenRequest::tr("Nothing to open."));

    // A bare "telegra.ph/Path" is a page address typed without its scheme.
    for (const QString &host : OpenRequest::pageHosts()) {
        if (text.startsWith(host + QLatin1Char('/'), Qt::CaseInsensitive)) {
            OpenRequest r = parse(QStringLiteral("https://") + text, workingDir);
            r.argument = argument;
            return r;
        }
    }

    // A URL has a scheme of two or more letters ("C:\..." is a Windows path, not a URL).
    const int colon = text.indexOf(QLatin1Char(':'));
    const bool looksLikeUrl = colon > 1 && text.mid(colon + 1).startsWith(QLatin1String("//"));
    if (!looksLikeUrl && !text.startsWith(QLatin1String("file:"), Qt::CaseInsensitive))
        return parseFile(argument, text, workingDir);

    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid())
        return invalid(argument, OpenRequest::tr("The address is not valid."));
    const QString scheme = url.scheme().toLower();
    if (scheme == QLatin1String("file")) {
        if (!url.host().isEmpty() && url.host() != QLatin1String("localhost"))
            return invalid(argument, OpenRequest::tr("Files on other computers cannot be opened."));
        return parseFile(argument, url.toLocalFile(), workingDir);
    }
    if (scheme == QLatin1String("https") || scheme == QLatin1String("http") ||
        scheme == OpenRequest::scheme()) {
        if (!url.userInfo().isEmpty() || url.port() != -1)
            return invalid(argument, OpenRequest::tr("This address does not point to a page."));
        return parsePage(argument, url.host(), url.path(QUrl::FullyDecoded));
    }
    return invalid(argument, OpenRequest::tr("This kind of address cannot be opened."));
}

QList<OpenRequest> OpenRequest::parseAll(const QStringList &arguments, const QString &workingDir)
{
    QList<OpenRequest> out;
    for (const QString &argument : arguments) {
        if (argument.startsWith(QLatin1Char('-')))
            continue;
        out.append(parse(argument, workingDir));
    }
    return out;
}

QString findPageOwner(const PageCache &cache, const QStringList &accountKeys,
                      const QString &pagePath)
{
    if (pagePath.isEmpty())
        return QString();
    for (const QString &account : accountKeys) {
        const QList<Page> pages = cache.pages(account);
        for (const Page &page : pages) {
            if (page.path == pagePath)
                return account;
        }
    }
    return QString();
}

} // namespace tg
