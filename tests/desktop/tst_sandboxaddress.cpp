// SPDX-License-Identifier: MIT
// The in-app sandbox keeps its address across restarts of the app over one data folder: the
// images uploaded to it and the pages published on it still load in the preview and still open
// in the browser, whether its old port is free again (it is used again) or taken (the sandbox
// listens elsewhere, nothing the user wrote is rewritten, and requests are mapped).
#include "accounts/accountpanel.h"
#include "accounts/accountworkspace.h"
#include "api/telegraphclient.h"
#include "desktop/connection.h"
#include "editor/editorpane.h"
#include "editor/sourceeditor.h"
#include "pages/pagelistmodel.h"
#include "pages/pagelistwidget.h"
#include "preview/previewpane.h"
#include "sandboxapp.h"
#include "storage/draftstore.h"
#include "testmain.h"
#include "window/linkopener.h"
#include "window/mainwindow.h"
#include "workflow/accountmanager.h"
#include "workflow/draftsession.h"
#include "workflow/publishflow.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDesktopServices>
#include <QFile>
#include <QImage>
#include <QLineEdit>
#include <QMimeData>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace tg;

namespace {

using test::SandboxApp;

/// Receives the links the app hands to QDesktopServices (as the system browser would).
class Browser : public QObject
{
    Q_OBJECT
public:
    QList<QUrl> opened;

public Q_SLOTS:
    void open(const QUrl &url) { opened.append(url); }
};

/// Runs a script in the preview's isolated world and returns its value.
QVariant runInPreview(MainWindow *w, const QString &script)
{
    QVariant result;
    bool done = false;
    w->preview()->runJavaScript(script, [&](const QVariant &v) {
        result = v;
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, 10000))
        return {};
    return result;
}

/// The image URLs of Markdown figures in the editor.
QStringList figureUrls(const QString &text)
{
    static const QRegularExpression re(QStringLiteral(R"(!\[\]\(([^)]+)\))"));
    QStringList urls;
    for (auto it = re.globalMatch(text); it.hasNext();)
        urls << it.next().captured(1);
    return urls;
}

/// Pastes a fresh image into the editor and waits for its upload; returns its URL.
QString pasteImage(MainWindow *w, QColor color)
{
    const QStringList before = figureUrls(w->editorPane()->editor()->toPlainText());
    QImage image(40, 30, QImage::Format_RGB32);
    image.fill(color);
    auto *mime = new QMimeData;
    mime->setImageData(image);
    QApplication::clipboard()->setMimeData(mime);
    QTest::keySequence(w->editorPane()->editor(), QKeySequence::Paste);
    QStringList after;
    const bool uploaded = QTest::qWaitFor(
        [&] {
            after = figureUrls(w->editorPane()->editor()->toPlainText());
            return after.size() > before.size() && !after.last().startsWith(u"local:");
        },
        20000);
    return uploaded ? after.last() : QString();
}

/// GETs a URL in this process; the HTTP status and the body.
std::pair<int, QByteArray> fetch(const QUrl &url)
{
    QNetworkAccessManager nam;
    QNetworkReply *reply = nam.get(QNetworkRequest(url));
    QSignalSpy finished(reply, &QNetworkReply::finished);
    finished.wait(10000);
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();
    reply->deleteLater();
    return {status, body};
}

} // namespace

class TestSandboxAddress : public QObject
{
    Q_OBJECT

    /// What the first run made: one image and one page, both under the sandbox's origin.
    struct Made
    {
        QUrl origin;
        QString imageSrc;
        QString pageUrl;
        QString draftText;
    };

    /// The sandbox's public origin and live address, as the app's client uses them.
    static QUrl siteOf(DesktopApp *app)
    {
        return app->accounts()->manager()->client()->settings().siteUrl;
    }
    static QUrl liveOf(DesktopApp *app)
    {
        return app->accounts()->manager()->client()->settings().apiUrl;
    }

    static bool waitForAccount(DesktopApp *app)
    {
        return QTest::qWaitFor(
            [app] {
                return app->accounts() && app->accounts()->currentAccount() == u"sandbox" &&
                       !app->accounts()->manager()->isBusy();
            },
            20000);
    }

    /// First run: uploads an image through the editor, publishes the draft.
    static bool makeContent(const QString &dataDir, Made *made)
    {
        SandboxApp s(dataDir);
        QString error;
        if (!s.app->start(&error) || !waitForAccount(s.app.get()))
            return false;
        MainWindow *w = s.app->window();
        made->origin = siteOf(s.app.get());
        w->editorPane()->titleEdit()->setText(QStringLiteral("Harbour at dawn"));
        w->editorPane()->editor()->setPlainText(QStringLiteral("Boats leaving.\n\n"));
        QTextCursor end = w->editorPane()->editor()->textCursor();
        end.movePosition(QTextCursor::End);
        w->editorPane()->editor()->setTextCursor(end);
        made->imageSrc = pasteImage(w, Qt::darkCyan);
        if (made->imageSrc.isEmpty())
            return false;
        QSignalSpy published(w, &MainWindow::publishFinished);
        w->publish();
        if (!published.wait(20000))
            return false;
        const PublishResult r = published.first().first().value<PublishResult>();
        made->pageUrl = r.url;
        made->draftText = w->editorPane()->editor()->toPlainText();
        // The page list has the page (in its cache for the next start).
        return r.ok && QTest::qWaitFor(
                           [&] { return s.app->accounts()->pageModel()->rowCount() == 1; }, 20000);
    }

    /// The preview shows the draft's image, loaded, and a fresh request for it (not from any
    /// cache of an earlier run in this process) loads too.
    static void checkPreviewLoads(MainWindow *w, const QString &src)
    {
        const QString shown = QStringLiteral(
            "(function () { var i = document.querySelector('#content img');"
            " return i ? [i.getAttribute('src'), i.complete, i.naturalWidth] : []; })()");
        QVariantList img;
        QTRY_VERIFY_WITH_TIMEOUT((img = runInPreview(w, shown).toList()).size() == 3 &&
                                     img.at(1).toBool() && img.at(2).toInt() > 0,
                                 20000);
        QCOMPARE(img.at(0).toString(), src);
        QCOMPARE(img.at(2).toInt(), 40);

        static int probes = 0;
        const QString probe = src + QStringLiteral("?probe=") + QString::number(++probes);
        runInPreview(w,
                     QStringLiteral("(function (u) { window.tgProbe = 'loading';"
                                    " var p = new Image();"
                                    " p.onload = function () { window.tgProbe = p.naturalWidth; };"
                                    " p.onerror = function () { window.tgProbe = 'error'; };"
                                    " p.src = u; return true; })('%1')")
                         .arg(probe));
        QVariant result;
        QTRY_VERIFY_WITH_TIMEOUT(
            (result = runInPreview(w, QStringLiteral("window.tgProbe"))).toString() != u"loading",
            20000);
        QCOMPARE(result.toString(), QStringLiteral("40"));
    }

    /// "Open in Browser" in the page list hands the browser a URL the live sandbox answers
    /// with the page, whose image loads from there too.
    static void checkPageOpens(DesktopApp *app, const QString &pageUrl, const QString &imageSrc)
    {
        AccountWorkspace *ws = app->accounts();
        QTRY_COMPARE_WITH_TIMEOUT(ws->pageModel()->rowCount(), 1, 20000);
        QCOMPARE(ws->pageModel()->pages().first().url, pageUrl); // as published
        Browser browser;
        QDesktopServices::setUrlHandler(QStringLiteral("http"), &browser, "open");
        ws->pageList()->view()->selectRow(0);
        ws->pageList()->openInBrowserAction()->trigger();
        QDesktopServices::unsetUrlHandler(QStringLiteral("http"));
        QCOMPARE(browser.opened.size(), 1);
        const auto [status, body] = fetch(browser.opened.first());
        QCOMPARE(status, 200);
        QVERIFY2(body.contains("Harbour at dawn"), body.left(300).constData());
        // Its image is named where the sandbox answers now.
        const QUrl image = LinkOpener::mapped(QUrl(imageSrc), app->window());
        QVERIFY2(body.contains(image.toString().toUtf8()), body.constData());
        QCOMPARE(fetch(image).first, 200);
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void restart_portFree_reusesTheAddress()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString data = dir.filePath(QStringLiteral("data"));
        Made made;
        QVERIFY(makeContent(data, &made));
        QCOMPARE(QUrl(made.imageSrc).port(), made.origin.port());
        QVERIFY2(made.pageUrl.startsWith(made.origin.toString()), qPrintable(made.pageUrl));
        // The address is remembered in the sandbox's own folder.
        QFile remembered(Connection::originFile(data + QStringLiteral("/sandbox/server")));
        QVERIFY(remembered.open(QIODevice::ReadOnly));
        QCOMPARE(QUrl(QString::fromUtf8(remembered.readAll()).trimmed()), made.origin);

        SandboxApp s(data);
        QString error;
        QVERIFY2(s.app->start(&error), qPrintable(error));
        QVERIFY(waitForAccount(s.app.get()));
        QCOMPARE(liveOf(s.app.get()).port(), made.origin.port());
        QCOMPARE(siteOf(s.app.get()), made.origin);
        MainWindow *w = s.app->window();
        QCOMPARE(w->editorPane()->editor()->toPlainText(), made.draftText);
        checkPreviewLoads(w, made.imageSrc);
        if (QTest::currentTestFailed())
            return;
        checkPageOpens(s.app.get(), made.pageUrl, made.imageSrc);
        if (QTest::currentTestFailed())
            return;
        // Its account cannot log in on telegra.ph, so that is not offered.
        AccountPanel *panel = s.app->accounts()->accountPanel();
        QVERIFY(panel->isLocalSandbox());
        const QList<QPushButton *> buttons = panel->findChildren<QPushButton *>();
        const auto login = std::find_if(buttons.begin(), buttons.end(), [](QPushButton *b) {
            return b->text() == AccountPanel::tr("&Log in on telegra.ph");
        });
        QVERIFY(login != buttons.end());
        QVERIFY(!(*login)->isEnabled());
    }

    void restart_portTaken_mapsTheOldAddressAndRewritesNothing()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString data = dir.filePath(QStringLiteral("data"));
        Made made;
        QVERIFY(makeContent(data, &made));

        QTcpServer occupant;
        QVERIFY2(occupant.listen(QHostAddress::LocalHost, quint16(made.origin.port())),
                 qPrintable(occupant.errorString()));
        SandboxApp s(data);
        QString error;
        QVERIFY2(s.app->start(&error), qPrintable(error));
        QVERIFY(waitForAccount(s.app.get()));
        const QUrl live = liveOf(s.app.get());
        QVERIFY(live.port() > 0);
        QVERIFY(live.port() != made.origin.port());
        // The sandbox's public origin is still the first one: the draft, the image and the page
        // keep their URLs.
        QCOMPARE(siteOf(s.app.get()), made.origin);
        MainWindow *w = s.app->window();
        QCOMPARE(w->editorPane()->editor()->toPlainText(), made.draftText);
        checkPreviewLoads(w, made.imageSrc);
        if (QTest::currentTestFailed())
            return;
        checkPageOpens(s.app.get(), made.pageUrl, made.imageSrc);
        if (QTest::currentTestFailed())
            return;

        // A new upload works meanwhile and gets the public origin too.
        const QString second = pasteImage(w, Qt::darkRed);
        QVERIFY(!second.isEmpty());
        QCOMPARE(QUrl(second).port(), made.origin.port());
        const auto [status, body] = fetch(LinkOpener::mapped(QUrl(second), w));
        QCOMPARE(status, 200);
        QVERIFY(body.startsWith("\x89PNG"));
    }
};

int main(int argc, char **argv)
{
    tg::test::applyHeadlessDefaults();
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    QApplication app(argc, argv);
    TestSandboxAddress tc;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&tc, argc, argv);
}

#include "tst_sandboxaddress.moc"
