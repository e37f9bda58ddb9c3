// SPDX-License-Identifier: MIT
#include "window/publishnotes.h"

#include "settings/uisettings.h"
#include "window/mainwindow.h"
#include "window/messagearea.h"
#include "workflow/publishflow.h"

#include <QSettings>

namespace tg {

PublishNotes::PublishNotes(MainWindow *window, QSettings *settings)
    : QObject(window)
    , m_window(window)
    , m_settings(settings)
{
    connect(window, &MainWindow::publishFinished, this, &PublishNotes::onPublished);
}

QString PublishNotes::instantViewText()
{
    return tr("Telegram may show the old version in Instant View and link previews for a while. "
              "To refresh a link preview, send the link to @WebpageBot.");
}

void PublishNotes::onPublished(const PublishResult &r)
{
    if (!r.ok || r.kind != PublishResult::Kind::Publish || !r.updated)
        return;
    if (!PublishNoteSettings::load(*m_settings).instantViewNote)
        return;
    m_window->messages()->showMessage(
        instantViewText(), false, MessageScope::Draft, instantViewKey(),
        {tr("Don't Show Again"), [this] {
             PublishNoteSettings n = PublishNoteSettings::load(*m_settings);
             n.instantViewNote = false;
             n.save(*m_settings);
         }});
}

} // namespace tg
