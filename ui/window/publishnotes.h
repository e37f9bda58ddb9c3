// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>

class QSettings;

namespace tg {

class MainWindow;
struct PublishResult;

/// Honest notes after publishing, in the message area (never modal): after an update of a page
/// readers may have seen, that Telegram can show the old version in Instant View and link
/// previews for a while and that @WebpageBot refreshes a link preview. Each note can be closed,
/// or turned off for good with "Don't Show Again" (PublishNoteSettings). Not shown after a first
/// publish.
class PublishNotes : public QObject
{
    Q_OBJECT
public:
    /// Neither is owned; both outlive the notes.
    PublishNotes(MainWindow *window, QSettings *settings);

    /// The message area key of the Instant View note (a Draft-scoped line).
    static QString instantViewKey() { return QStringLiteral("instantView"); }
    /// The note's text.
    static QString instantViewText();

private:
    void onPublished(const PublishResult &result);

    MainWindow *m_window;
    QSettings *m_settings;
};

} // namespace tg
