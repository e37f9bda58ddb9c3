// SPDX-License-Identifier: MIT
#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace tg {

class PageCache;

/// What the app was asked to open, from its command line, a file manager ("Open with"), the
/// desktop's URL handler or a second instance: a Markdown or HTML file to import as a new draft, or
/// a Telegraph page (telegra.ph, graph.org, te.legra.ph, or the app's own
/// telegraph-desktop://HOST/PATH scheme) to open for editing. Parsing never touches the network.
struct OpenRequest
{
    Q_DECLARE_TR_FUNCTIONS(tg::OpenRequest)

public:
    enum class Kind
    {
        Invalid,             ///< not something the app opens; see error
        File,                ///< filePath: an existing .md/.markdown/.html/.htm file
        MarkdownFile = File, ///< the former name of File
        Page                 ///< pagePath on host: a Telegraph page
    };

    Kind kind = Kind::Invalid;
    QString argument; ///< the text as given, for messages
    QString filePath; ///< File: absolute, clean path
    QString host;     ///< Page: telegra.ph, graph.org or te.legra.ph
    QString pagePath; ///< Page: the page's path ("Sample-Page-12-15"), percent-decoded
    QString error;    ///< Invalid: a user-facing reason

    bool isValid() const { return kind != Kind::Invalid; }
    /// Page: the canonical https://HOST/PATH address.
    QUrl pageUrl() const;

    /// The custom URL scheme registered by the installers (see packaging/linux/*.desktop).
    static QString scheme();
    /// Hosts whose pages the app opens.
    static QStringList pageHosts();

    /// Parses one argument: a file path (relative paths resolve against workingDir), a file://
    /// URL, a page URL (http or https; query and fragment ignored) or a telegraph-desktop:// URL.
    static OpenRequest parse(const QString &argument, const QString &workingDir = QString());
    /// Parses every positional argument (options starting with '-' are skipped).
    static QList<OpenRequest> parseAll(const QStringList &arguments,
                                       const QString &workingDir = QString());
};

/// Finds which of these accounts has the page in its cached page list (the account key the page
/// list uses with PageCache); empty when none does, so the page opens as a new draft instead.
QString findPageOwner(const PageCache &cache, const QStringList &accountKeys,
                      const QString &pagePath);

} // namespace tg
