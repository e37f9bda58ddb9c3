// SPDX-License-Identifier: MIT
#pragma once

#include "storage/draft.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <functional>

namespace tg {

/// What importing a file gave: a new draft (not yet saved) or the reason there is none.
struct ImportResult
{
    bool ok = false;
    Draft draft;          ///< a fresh draft titled after the file, when ok
    QStringList warnings; ///< what the lenient HTML import changed (empty for Markdown)
    QString error;        ///< a sentence naming the file and the cause, when not ok
};

/// Drafts to and from files, without any widget: importing Markdown as it is and HTML through
/// the lenient import, exporting as Markdown, HTML or Telegraph nodes (JSON) with an atomic
/// write. The window wraps these in its file dialogs and messages.
class DraftFiles
{
    Q_DECLARE_TR_FUNCTIONS(tg::DraftFiles)
public:
    /// Called with true before a conversion long enough to deserve a busy indicator and with
    /// false after it.
    using BusyCallback = std::function<void(bool busy)>;

    /// Reads the file into a new draft: .html and .htm are decoded in the encoding they declare
    /// (see decodeHtml(); what was unusual is among the warnings), go through the lenient HTML
    /// import and stay HTML; Markdown is read as UTF-8; anything else is taken as Markdown as it
    /// is. A large HTML file is converted on a worker thread while the calling thread's event loop
    /// keeps running.
    static ImportResult importFile(const QString &path, const BusyCallback &busy = {});

    /// The draft's content converted for the file name's suffix: .json Telegraph nodes, .html or
    /// .htm the page HTML, anything else Markdown.
    static QByteArray exportData(const Draft &draft, const QString &path);

    /// Writes exportData() atomically (the file is replaced only once complete; a failure leaves
    /// no partial file). Returns an empty string on success, else a sentence naming the path.
    static QString exportDraft(const Draft &draft, const QString &path);
};

} // namespace tg
