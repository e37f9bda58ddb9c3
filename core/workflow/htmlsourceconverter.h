// SPDX-License-Identifier: MIT
#pragma once

#include "storage/draft.h"

#include <QString>
#include <QStringList>

#include <functional>

namespace tg {

/// Pasted or imported HTML turned into editor source: the lenient import, then Markdown or HTML.
struct HtmlSource
{
    QString source;
    QStringList warnings; ///< what the import changed
};

/// Converts pasted and imported HTML to editor source. Small input (up to syncLimit()) is
/// converted at once, as a keystroke would be; larger input is converted on a worker thread so
/// the window keeps drawing and taking input while it runs.
class HtmlSourceConverter
{
public:
    /// Inputs up to this many characters are converted on the calling thread.
    static qsizetype syncLimit();

    /// The conversion itself; pure and thread-safe.
    static HtmlSource convert(const QString &html, DraftFormat format);

    /// Converts on a worker thread and calls done(result) on the calling thread's event loop
    /// when finished; context (a QObject) ends the wait: when it is destroyed first, done is
    /// never called.
    static void convertAsync(const QString &html, DraftFormat format, QObject *context,
                             std::function<void(const HtmlSource &)> done);

    /// Converts on a worker thread while the calling thread's event loop keeps running, and
    /// returns the result; for callers that need it before they go on (file import).
    static HtmlSource convertKeepingEventsFlowing(const QString &html, DraftFormat format);
};

} // namespace tg
