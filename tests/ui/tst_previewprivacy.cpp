// SPDX-License-Identifier: MIT
// Remote images out of the live preview, per draft, on a real window and a real WebEngine: a
// local HTTP server stands for the image host and counts what the preview asks of it.
#include "editor/editorpane.h"
#include "editor/sourceeditor.h"
#include "preview/previewpane.h"
#include "preview/previewprivacy.h"
#include "scriptedserver.h"
#include "storage/draftstore.h"
#include "testmain.h"
#include "uitestwindow.h"
#include "workflow/draftsession.h"

#include <QAction>
#include <QApplication>
#include <QLineEdit>
#include <QStandardPaths>

using namespace tg;
using tg::test::evalInPreview;

namespace {

/// Requests for `path` the server received.
int requestsFor(const tg::test::ScriptedServer &server, const QByteArray &path)
{
    int n = 0;
    for (const QByteArray &r : server.requests)
        n += r.startsWith(QByteArray("GET " + path + ' ')) ? 1 : 0;
    return n;
}

} // namespace

class TestPreviewPrivacy : public QObject
{
    Q_OBJECT

    static bool waitForPreview(MainWindow *w, int timeoutMs = 15000)
    {
        return QTest::qWaitFor(
            [w] {
                return w->preview()->isReady() && w->lastResult().serial == w->editSerial() &&
                       w->preview()->shownSerial() == w->editSerial();
            },
            timeoutMs);
    }

    static int count(MainWindow *w, const char *selector)
    {
        return evalInPreview(w->preview(), QStringLiteral("document.querySelectorAll('%1').length")
                                               .arg(QLatin1String(selector)))
            .toInt();
    }

    static void write(MainWindow *w, const QString &markdown)
    {
        w->editorPane()->setFormat(DraftFormat::Markdown);
        w->editorPane()->editor()->setPlainText(markdown);
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void blockedDraft_requestsNothingAndShowsABox_allowedAgain_fetchesTheImage()
    {
        tg::test::ScriptedServer server;
        QVERIFY(server.start());
        server.script = {{200, "X-Kind: image\r\n", QByteArray("\x89PNG\r\n\x1A\n", 8)}};
        test::UiTestWindow t;
        QVERIFY(t.open());
        MainWindow *w = t.window.get();
        w->preview()->start();
        QAction *load = w->previewPrivacy()->action();
        QVERIFY(load->isChecked()); // remote images load unless the draft says otherwise
        QCOMPARE(load->shortcut(), QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_I));
        load->trigger();
        QVERIFY(!load->isChecked());
        QVERIFY(w->preview()->remoteImagesBlocked());
        const QString id = w->session()->draft().id;
        QCOMPARE(t.store->option(id, PreviewPrivacy::optionKey()), QStringLiteral("1"));

        const QString image = server.url(QStringLiteral("/a.png?one")).toString();
        write(w, QStringLiteral("Before\n\n![A picture](%1)\n\nAfter").arg(image));
        QVERIFY(waitForPreview(w));
        QCOMPARE(count(w, "#content img"), 0);
        QCOMPARE(count(w, "#content .tg-remote"), 1);
        QVERIFY(evalInPreview(w->preview(),
                              QStringLiteral("document.querySelector('#content .tg-remote')"
                                             ".textContent"))
                    .toString()
                    .contains(image));
        QVERIFY(evalInPreview(w->preview(),
                              QStringLiteral("document.getElementById('content').textContent"))
                    .toString()
                    .contains(QLatin1String("After")));
        // Anything else the page might ask for is refused before it leaves: the interceptor.
        evalInPreview(w->preview(), QStringLiteral("var i = new Image(); i.src = '%1'; "
                                                   "document.body.appendChild(i); 1")
                                        .arg(server.url(QStringLiteral("/probe.png")).toString()));
        QTRY_VERIFY_WITH_TIMEOUT(w->preview()->refusedRemoteRequests() >= 1, 10000);
        QVERIFY2(server.requests.isEmpty(), server.received().constData());

        load->trigger(); // allowed again: the same article is shown again, with its image
        QVERIFY(load->isChecked());
        QCOMPARE(t.store->option(id, PreviewPrivacy::optionKey()), QString());
        QTRY_COMPARE_WITH_TIMEOUT(count(w, "#content img"), 1, 10000);
        QCOMPARE(count(w, "#content .tg-remote"), 0);
        QTRY_VERIFY_WITH_TIMEOUT(requestsFor(server, "/a.png?one") == 1, 10000);
    }

    void switchingDrafts_appliesEachDraftsOwnChoice()
    {
        tg::test::ScriptedServer server;
        QVERIFY(server.start());
        server.script = {{200, {}, QByteArray("\x89PNG\r\n\x1A\n", 8)}};
        test::UiTestWindow t;
        QVERIFY(t.open());
        MainWindow *w = t.window.get();
        w->preview()->start();
        QAction *load = w->previewPrivacy()->action();

        // Draft A keeps remote images out.
        load->trigger();
        const QString a = w->session()->draft().id;
        w->editorPane()->titleEdit()->setText(QStringLiteral("A"));
        write(w, QStringLiteral("![a](%1)").arg(server.url(QStringLiteral("/a.png")).toString()));
        QVERIFY(waitForPreview(w));
        w->session()->saveNow();
        t.store->flush();

        // Draft B, new: images load.
        w->newDraft();
        const QString b = w->session()->draft().id;
        QVERIFY(b != a);
        QVERIFY(load->isChecked());
        QVERIFY(!w->preview()->remoteImagesBlocked());
        w->editorPane()->titleEdit()->setText(QStringLiteral("B"));
        write(w, QStringLiteral("![b](%1)").arg(server.url(QStringLiteral("/b.png")).toString()));
        QVERIFY(waitForPreview(w));
        QTRY_VERIFY_WITH_TIMEOUT(requestsFor(server, "/b.png") == 1, 10000);
        w->session()->saveNow();
        t.store->flush();

        // Back to A: blocked again, and its image was never asked for.
        QVERIFY(w->openDraft(a));
        QVERIFY(!load->isChecked());
        QVERIFY(w->preview()->remoteImagesBlocked());
        QVERIFY(waitForPreview(w));
        QCOMPARE(count(w, "#content img"), 0);
        QCOMPARE(count(w, "#content .tg-remote"), 1);
        QCOMPARE(requestsFor(server, "/a.png"), 0);

        // And B again: allowed.
        QVERIFY(w->openDraft(b));
        QVERIFY(load->isChecked());
        QVERIFY(!w->preview()->remoteImagesBlocked());
        QCOMPARE(t.store->option(a, PreviewPrivacy::optionKey()), QStringLiteral("1"));
        QCOMPARE(t.store->option(b, PreviewPrivacy::optionKey()), QString());
        QCOMPARE(requestsFor(server, "/a.png"), 0);
    }
};

int main(int argc, char **argv)
{
    tg::test::applyHeadlessDefaults();
    qputenv("TG_PREVIEW_NO_EXTERNAL_OPEN", "1");
    QApplication app(argc, argv);
    TestPreviewPrivacy tc;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&tc, argc, argv);
}

#include "tst_previewprivacy.moc"
