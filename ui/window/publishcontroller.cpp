// SPDX-License-Identifier: MIT
#include "window/publishcontroller.h"

#include "api/telegraphclient.h"
#include "drafts/draftspanel.h"
#include "editor/editorpane.h"
#include "editor/imagedrophandler.h"
#include "preview/contentmeter.h"
#include "preview/previewpane.h"
#include "storage/draftstore.h"
#include "window/mainwindow.h"
#include "window/messagearea.h"
#include "workflow/contentconverter.h"
#include "workflow/draftpublishflow.h"
#include "workflow/draftsession.h"
#include "workflow/pagefetchflow.h"
#include "workflow/seriesflow.h"

#include <QFutureWatcher>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>
#include <QtConcurrent/QtConcurrentRun>

#include <utility>

namespace tg {

namespace {

QString textOf(const Node &node)
{
    if (node.isText())
        return node.textValue();
    QString out;
    for (const Node &child : node.children())
        out += textOf(child);
    return out;
}

void collectEmptyLinks(const NodeList &nodes, QStringList &out, int depth = 0)
{
    if (depth > MaxNodeDepth)
        return;
    for (const Node &node : nodes) {
        if (!node.isElement())
            continue;
        if (node.tag() == QLatin1String("a")) {
            const QString href = node.attr(u"href").trimmed();
            if (href.isEmpty() || href == QLatin1String("https://") ||
                href == QLatin1String("http://")) {
                out.append(textOf(node).simplified());
                continue;
            }
        }
        collectEmptyLinks(node.children(), out, depth + 1);
    }
}

} // namespace

PublishController::PublishController(MainWindow *window, DraftStore *store, QSettings *settings)
    : QObject(window)
    , m_window(window)
    , m_store(store)
    , m_settings(settings)
{
    // Whichever flow ended (an unpublish started from the page list too), the draft it kept
    // the content in, or published from, shows its new state in the drafts list.
    connect(m_window->messages(), &MessageArea::flowFinished, this, [this](const PublishResult &r) {
        if (!r.draftId.isEmpty())
            m_window->draftsPanel()->refreshDraft(r.draftId);
    });
}

QStringList PublishController::emptyLinks(const NodeList &content)
{
    QStringList out;
    collectEmptyLinks(content, out);
    return out;
}

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
    // A publish's outcome is about the open draft; opening a page is an operation of its own.
    messages->track(m_publish.get(), MessageScope::Draft);
    messages->track(m_series.get(), MessageScope::Draft);
    messages->track(m_fetch.get(), MessageScope::Operation, MessageArea::openOperation());
    connect(m_publish.get(), &PublishFlow::finished, this, &PublishController::onPublished);
    // A private link's page exists before its title is set: the open draft keeps it at once.
    connect(m_publish.get(), &DraftPublishFlow::pageCreated, this,
            [this](const QString &draftId, const QString &path, const QString &url) {
                if (draftId == m_window->session()->draft().id)
                    m_window->session()->setPage(path, url);
            });
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
    if (m_checkingLinks || m_publish->isBusy() || m_series->isBusy()) {
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
                                          true, MessageScope::Draft, QStringLiteral("publish"));
        return;
    }
    if (std::exchange(m_emptyLinksConfirmed, false)) {
        publishChecked(d, {});
        return;
    }
    if (m_window->lastResult().serial == m_window->editSerial()) {
        publishChecked(d, emptyLinks(m_window->lastResult().nodes));
        return;
    }
    // The preview has not caught up with the last edit: the snapshot is converted for the check
    // off the GUI thread (it grows with the text).
    m_checkingLinks = true;
    const ConversionInput in{0, d.title, d.authorName, d.authorUrl, d.body, d.format};
    auto *watcher = new QFutureWatcher<QStringList>(this);
    connect(watcher, &QFutureWatcher<QStringList>::finished, this, [this, watcher, d] {
        watcher->deleteLater();
        m_checkingLinks = false;
        if (m_publish) // still a server to publish to
            publishChecked(d, watcher->result());
    });
    watcher->setFuture(QtConcurrent::run([in] { return emptyLinks(convertContent(in).nodes); }));
}

void PublishController::publishChecked(const Draft &d, const QStringList &empty)
{
    if (!empty.isEmpty()) {
        QStringList names;
        for (const QString &text : empty)
            names.append(QStringLiteral("“%1”").arg(text.isEmpty() ? tr("(no text)") : text));
        m_window->messages()->showMessage(
            tr("Not published yet: %n link(s) have no address: %1. Fill it in, or publish them "
               "as they are.",
               nullptr, int(empty.size()))
                .arg(names.join(QStringLiteral(", "))),
            false, MessageScope::Draft, QStringLiteral("publish"), {tr("Publish Anyway"), [this] {
                                                                        m_emptyLinksConfirmed =
                                                                            true;
                                                                        publish();
                                                                    }});
        return;
    }
    m_window->messages()->clearMessages(MessageScope::Draft, QStringLiteral("publish"));
    if (!SeriesRecord::load(*m_settings, d.id).isEmpty()) {
        m_series->publish(d);
        return;
    }
    m_snapshot = d;
    PublishInput in;
    in.draft = d;
    in.privateLink =
        d.pagePath.isEmpty() &&
        m_store->option(d.id, DraftPublishFlow::privateLinkOption()) == QLatin1String("1");
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
    if (r.ok || r.titlePending) {
        if (r.draftId == m_window->session()->draft().id)
            m_window->session()->setPage(r.path, r.url);
        m_window->draftsPanel()->refresh();
    } else if (r.error.category == ApiError::Category::Validation &&
               r.draftId == m_window->session()->draft().id) {
        // The writer asked to publish: what blocks it now shows as errors.
        m_window->meter()->setErrorsAsked(true);
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
    if (r.ok) {
        m_window->openDraft(r.draftId);
        // An earlier failed open is over; this one's outcome stays.
        m_window->messages()->clearOperation(MessageArea::openOperation(),
                                             m_window->messages()->lineOf(m_fetch.get()));
    }
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
                m_window->messages()->clearOperation(MessageArea::openOperation());
                m_window->statusBar()->showMessage(tr("Opened your draft of %1.").arg(path), 5000);
                return;
            }
        }
    }
    openPage(pathOrUrl);
}

} // namespace tg
