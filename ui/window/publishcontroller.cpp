// SPDX-License-Identifier: MIT
#include "window/publishcontroller.h"

#include "api/telegraphclient.h"
#include "drafts/draftspanel.h"
#include "editor/editorpane.h"
#include "editor/imagedrophandler.h"
#include "preview/previewview.h"
#include "storage/draftstore.h"
#include "window/mainwindow.h"
#include "window/messagearea.h"
#include "workflow/draftpublishflow.h"
#include "workflow/draftsession.h"
#include "workflow/pagefetchflow.h"
#include "workflow/seriesflow.h"

#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>

namespace tg {

PublishController::PublishController(MainWindow *window, DraftStore *store, QSettings *settings)
    : QObject(window)
    , m_window(window)
    , m_store(store)
    , m_settings(settings)
{}

PublishController::~PublishController() = default;

void PublishController::setClient(TelegraphClient *client)
{
    m_publish.reset();
    m_series.reset();
    m_fetch.reset();
    m_client = client;
    if (!client)
        return;
    m_window->preview()->setSiteUrl(client->settings().effectiveSiteUrl());
    m_publish = std::make_unique<DraftPublishFlow>(client, m_store);
    m_series = std::make_unique<SeriesFlow>(client, m_settings, m_store);
    m_fetch = std::make_unique<PageFetchFlow>(client, m_store);
    MessageArea *messages = m_window->messages();
    messages->track(m_publish.get());
    messages->track(m_series.get());
    messages->track(m_fetch.get());
    connect(m_publish.get(), &PublishFlow::finished, this, &PublishController::onPublished);
    connect(m_series.get(), &PublishFlow::finished, this, &PublishController::onSeriesFinished);
    connect(m_fetch.get(), &PublishFlow::finished, this, &PublishController::onFetched);
}

bool PublishController::canStart()
{
    if (!m_client) {
        m_window->messages()->showMessage(
            tr("No server is configured: choose one in the settings."), true);
        return false;
    }
    if (m_publish->isBusy() || m_series->isBusy()) {
        m_window->messages()->showMessage(tr("Publishing is already under way."), false);
        return false;
    }
    return true;
}

Draft PublishController::snapshot() const
{
    Draft d = m_window->session()->draft();
    m_window->editorPane()->fillDraft(d);
    return d;
}

void PublishController::publish()
{
    if (!canStart())
        return;
    // What is sent is exactly what is in the editor now.
    const Draft d = snapshot();
    if (ImageDropHandler::hasLocalImages(d.body)) {
        m_window->messages()->showMessage(tr("Not published: an image is still uploading or "
                                             "failed to upload. Wait for it, retry it or remove "
                                             "it."),
                                          true);
        return;
    }
    if (!SeriesRecord::load(*m_settings, d.id).isEmpty()) {
        m_series->publish(d);
        return;
    }
    m_snapshot = d;
    PublishInput in;
    in.draft = d;
    m_publish->publish(in);
}

void PublishController::publishAsSeries()
{
    if (canStart())
        m_series->publish(snapshot());
}

void PublishController::onPublished(const PublishResult &r)
{
    if (r.tooLong && !r.content.isEmpty() &&
        QMessageBox::question(m_window, tr("Publish"),
                              tr("This text is too long for one page. Publish it as a series: "
                                 "parts split at headings, linked to each other, with a contents "
                                 "page?")) == QMessageBox::Yes) {
        // The content converted for the refused publish goes out as the series.
        if (r.draftId == m_snapshot.id)
            m_series->publish(m_snapshot, r.content);
        return;
    }
    if (r.ok) {
        if (r.draftId == m_window->session()->draft().id)
            m_window->session()->setPage(r.path, r.url);
        m_window->draftsPanel()->refresh();
    }
    Q_EMIT publishFinished(r);
}

void PublishController::onSeriesFinished(const PublishResult &r)
{
    if (r.ok)
        m_window->draftsPanel()->refresh();
    Q_EMIT publishFinished(r);
}

void PublishController::openPage(const QString &pathOrUrl)
{
    if (!m_client) {
        m_window->messages()->showMessage(
            tr("No server is configured: choose one in the settings."), true);
        return;
    }
    if (!m_fetch->fetch(pathOrUrl))
        m_window->messages()->showMessage(tr("A page is being opened already."), false);
}

void PublishController::onFetched(const PublishResult &r)
{
    if (r.ok)
        m_window->openDraft(r.draftId);
    Q_EMIT pageOpened(r);
}

void PublishController::editPage(const QString &pathOrUrl)
{
    const QString path = pagePathFrom(pathOrUrl);
    if (!path.isEmpty()) {
        m_window->saveNow();
        m_store->flush();
        // The most recently edited draft of the page wins (drafts() is newest first).
        for (const Draft &d : m_store->drafts()) {
            if (d.pagePath == path) {
                m_window->openDraft(d.id);
                m_window->statusBar()->showMessage(tr("Opened your draft of %1.").arg(path), 5000);
                return;
            }
        }
    }
    openPage(pathOrUrl);
}

} // namespace tg
