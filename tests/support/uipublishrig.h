// SPDX-License-Identifier: MIT
#pragma once
// The main window talking to an in-process sandbox with a fresh account, as the UI publishing
// tests use it, and the few steps they all take: write a draft, publish and wait, read a page.

#include "api/accountjob.h"
#include "api/apirequests.h"
#include "api/pagejob.h"
#include "api/telegraphclient.h"
#include "editor/editorpane.h"
#include "editor/sourceeditor.h"
#include "sandboxfixture.h"
#include "uitestwindow.h"
#include "window/mainwindow.h"
#include "workflow/draftpublishflow.h"

#include <QLineEdit>
#include <QSignalSpy>

#include <memory>

namespace tg::test {

struct UiPublishRig
{
    SandboxFixture sandbox;
    std::unique_ptr<TelegraphClient> client;
    UiTestWindow ui;

    /// Opens the window (unless open) and gives it a client of `apiOverride`, or else of a
    /// started sandbox with an account named `shortName` created on it.
    bool connect(const QString &shortName, const QUrl &apiOverride = {})
    {
        if (apiOverride.isEmpty() && !sandbox.start())
            return false;
        ClientSettings cs;
        cs.apiUrl = apiOverride.isEmpty() ? sandbox.url() : apiOverride;
        cs.timeoutMs = 5000;
        cs.flood = PublishFlow::appFloodPolicy(); // as the desktop app sets it
        client = std::make_unique<TelegraphClient>(cs);
        if (apiOverride.isEmpty()) {
            CreateAccountRequest req;
            req.shortName = shortName;
            AccountJob *job = client->createAccount(req);
            QSignalSpy done(job, &ApiJob::finished);
            if (!done.wait(10000) || !job->isSucceeded())
                return false;
        }
        if (!ui.window && !ui.open())
            return false;
        ui.window->setClient(client.get());
        return true;
    }
};

inline void writeDraft(MainWindow *w, const QString &title, const QString &body)
{
    w->editorPane()->titleEdit()->setText(title);
    w->editorPane()->editor()->setPlainText(body);
}

/// Publishes the open draft; an empty result when nothing finished within 30 s.
inline PublishResult publishAndWait(MainWindow *w)
{
    QSignalSpy spy(w, &MainWindow::publishFinished);
    w->publish();
    if (!spy.wait(30000))
        return {};
    return spy.first().first().value<PublishResult>();
}

/// The page at `path` as the server has it now (with its content when asked).
inline Page fetchPage(TelegraphClient *client, const QString &path, bool withContent = false)
{
    GetPageRequest get;
    get.path = path;
    get.returnContent = withContent;
    PageJob *job = client->getPage(get);
    QSignalSpy done(job, &ApiJob::finished);
    done.wait(10000);
    const Page page = job->page();
    delete job;
    return page;
}

} // namespace tg::test
