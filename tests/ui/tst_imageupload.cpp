// SPDX-License-Identifier: MIT
// Images dropped or pasted into the source editor upload to the in-process sandbox: ordered
// placeholders with progress, figures with the final URL, refusal before sending, failure
// keeping the local reference, retry.
#include "api/telegraphclient.h"
#include "api/telegraphuploadhost.h"
#include "editor/editorpane.h"
#include "editor/imagedrophandler.h"
#include "editor/imageuploadqueue.h"
#include "editor/sourceeditor.h"
#include "sandbox/server.h"
#include "sandboxfixture.h"
#include "storage/draft.h"
#include "testmain.h"
#include "uitestwindow.h"
#include "window/publishbar.h"
#include "window/publishcontroller.h"
#include "workflow/draftpublishflow.h"

#include <QApplication>
#include <QClipboard>
#include <QDropEvent>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QNetworkAccessManager>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>

using namespace tg;

class TestImageUpload : public QObject
{
    Q_OBJECT

    struct Rig
    {
        test::SandboxFixture sandbox;
        QNetworkAccessManager nam;
        std::unique_ptr<TelegraphUploadHost> host;
        std::unique_ptr<ImageUploadQueue> queue;
        SourceEditor editor;
        std::unique_ptr<ImageDropHandler> handler;
        QTemporaryDir dir;
    };

    static bool setUp(Rig &rig, DraftFormat format = DraftFormat::Markdown)
    {
        if (!rig.sandbox.start() || !rig.dir.isValid())
            return false;
        rig.host = std::make_unique<TelegraphUploadHost>(&rig.nam, rig.sandbox.url());
        rig.queue = std::make_unique<ImageUploadQueue>(rig.host.get());
        rig.editor.setFormat(format);
        rig.editor.resize(600, 400);
        rig.editor.show(); // Qt delivers drops only to visible widgets
        if (!QTest::qWaitForWindowExposed(&rig.editor))
            return false;
        rig.handler = std::make_unique<ImageDropHandler>(&rig.editor, rig.queue.get());
        return true;
    }

    static QString writePng(const QTemporaryDir &dir, const QString &name, QColor color)
    {
        QImage image(32, 24, QImage::Format_RGB32);
        image.fill(color);
        const QString path = dir.filePath(name);
        return image.save(path, "PNG") ? path : QString();
    }

    static void drop(ImageDropHandler *handler, SourceEditor *editor, const QStringList &paths,
                     QPoint pos = {5, 5})
    {
        QMimeData mime;
        QList<QUrl> urls;
        for (const QString &p : paths)
            urls << QUrl::fromLocalFile(p);
        mime.setUrls(urls);
        QDropEvent event(QPointF(pos), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        // Outside a real drag QApplication does not deliver drops, so hand the event to the
        // filter exactly as the viewport's event dispatch would.
        QObject *filter = handler;
        QVERIFY(filter->eventFilter(editor->viewport(), &event));
        QVERIFY(event.isAccepted());
    }

    static QStringList figureUrls(const QString &text)
    {
        static const QRegularExpression re(QStringLiteral(R"(!\[\]\(([^)]+)\))"));
        QStringList urls;
        for (auto it = re.globalMatch(text); it.hasNext();)
            urls << it.next().captured(1);
        return urls;
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void publish_refusedWhileAnImageIsLocal()
    {
        test::SandboxFixture sandbox;
        QVERIFY(sandbox.start());
        ClientSettings cs;
        cs.apiUrl = sandbox.url();
        TelegraphClient client(cs);
        test::UiTestWindow ui;
        QVERIFY(ui.open());
        MainWindow *w = ui.window.get();
        w->setClient(&client);
        w->editorPane()->titleEdit()->setText(QStringLiteral("Pictures"));
        w->editorPane()->editor()->setPlainText(
            QStringLiteral("Text\n\n![Upload failed: refused](local:/tmp/a.png)"));
        QSignalSpy finished(w, &MainWindow::publishFinished);
        w->publish();
        QVERIFY(!w->publishing()->publishFlow()->isBusy());
        QCOMPARE(finished.count(), 0);
        bool shown = false;
        for (QLabel *label : w->publishBar()->findChildren<QLabel *>())
            shown = shown || label->text().contains(QStringLiteral("image is still uploading"));
        QVERIFY(shown);
    }

    void dropTwoPngs_placeholdersInOrderBecomeFigures()
    {
        Rig rig;
        QVERIFY(setUp(rig));
        rig.editor.setPlainText(QStringLiteral("Intro paragraph."));
        const QString a = writePng(rig.dir, QStringLiteral("first.png"), Qt::red);
        const QString b = writePng(rig.dir, QStringLiteral("second.png"), Qt::blue);
        QVERIFY(!a.isEmpty() && !b.isEmpty());
        QSignalSpy done(rig.queue.get(), &ImageUploadQueue::done);

        drop(rig.handler.get(), &rig.editor, {a, b});
        const QString pending = rig.editor.toPlainText();
        QVERIFY2(pending.startsWith(QStringLiteral("Intro paragraph.\n\n![Uploading first.png")),
                 qPrintable(pending));
        const qsizetype posA = pending.indexOf(QStringLiteral("first.png"));
        const qsizetype posB = pending.indexOf(QStringLiteral("second.png"));
        QVERIFY(posA >= 0 && posB > posA);
        QVERIFY(ImageDropHandler::hasLocalImages(pending));

        QTRY_COMPARE_WITH_TIMEOUT(done.count(), 2, 20000);
        const QString text = rig.editor.toPlainText();
        QVERIFY2(!ImageDropHandler::hasLocalImages(text), qPrintable(text));
        const QStringList urls = figureUrls(text);
        QCOMPARE(urls.size(), 2);
        const QString base = rig.sandbox.url().toString();
        for (const QString &u : urls)
            QVERIFY2(u.startsWith(base + QStringLiteral("/file/")), qPrintable(u));
        // Order kept: the first figure is the first file's URL.
        const QUrl firstUrl =
            done.at(0).at(0).toInt() == 1 ? done.at(0).at(1).toUrl() : done.at(1).at(1).toUrl();
        QCOMPARE(urls.first(), firstUrl.toString(QUrl::FullyEncoded));
        QVERIFY2(text.contains(QStringLiteral("\n\n![](")), qPrintable(text));
    }

    void dropThenUpload_isOneUndoStep()
    {
        Rig rig;
        QVERIFY(setUp(rig));
        rig.editor.setPlainText(QStringLiteral("Intro paragraph."));
        const QString a = writePng(rig.dir, QStringLiteral("one.png"), Qt::green);
        QSignalSpy done(rig.queue.get(), &ImageUploadQueue::done);
        drop(rig.handler.get(), &rig.editor, {a});
        QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, 20000);
        QCOMPARE(figureUrls(rig.editor.toPlainText()).size(), 1);
        // Placeholder, progress and figure are one step: one undo takes the image out.
        rig.editor.undo();
        QCOMPARE(rig.editor.toPlainText(), QStringLiteral("Intro paragraph."));
        rig.editor.redo();
        QCOMPARE(figureUrls(rig.editor.toPlainText()).size(), 1);
    }

    void typingDuringUpload_staysItsOwnUndoStep()
    {
        Rig rig;
        QVERIFY(setUp(rig));
        rig.editor.setPlainText(QStringLiteral("Intro."));
        const QString a = writePng(rig.dir, QStringLiteral("two.png"), Qt::yellow);
        QSignalSpy done(rig.queue.get(), &ImageUploadQueue::done);
        drop(rig.handler.get(), &rig.editor, {a});
        QTextCursor c(rig.editor.document());
        c.movePosition(QTextCursor::Start);
        c.insertText(QStringLiteral("Typed meanwhile. "));
        QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, 20000);
        const QString finished = rig.editor.toPlainText();
        QVERIFY(finished.startsWith(QStringLiteral("Typed meanwhile. Intro.")));
        QCOMPARE(figureUrls(finished).size(), 1);
        // Undoing never mixes the typing with the image: first the upload's result goes (the
        // placeholder is back), then the typing, then the placeholder.
        rig.editor.undo();
        QCOMPARE(figureUrls(rig.editor.toPlainText()).size(), 0);
        QVERIFY(rig.editor.toPlainText().startsWith(QStringLiteral("Typed meanwhile. Intro.")));
        QVERIFY(rig.editor.toPlainText().contains(QStringLiteral("Uploading two.png")));
        rig.editor.undo();
        QVERIFY(rig.editor.toPlainText().startsWith(QStringLiteral("Intro.")));
        QVERIFY(rig.editor.toPlainText().contains(QStringLiteral("Uploading two.png")));
        rig.editor.undo();
        QCOMPARE(rig.editor.toPlainText(), QStringLiteral("Intro."));
    }

    void dropInHtmlMode_writesFigure()
    {
        Rig rig;
        QVERIFY(setUp(rig, DraftFormat::Html));
        const QString a = writePng(rig.dir, QStringLiteral("photo.png"), Qt::green);
        QSignalSpy done(rig.queue.get(), &ImageUploadQueue::done);
        drop(rig.handler.get(), &rig.editor, {a});
        QVERIFY(rig.editor.toPlainText().contains(QStringLiteral("<img src=\"local:")));
        QVERIFY(done.wait(20000));
        const QString text = rig.editor.toPlainText();
        QVERIFY2(
            text.contains(QStringLiteral("<figure><img src=\"") + rig.sandbox.url().toString()),
            qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("\"/><figcaption></figcaption></figure>")));
        QVERIFY(!ImageDropHandler::hasLocalImages(text));
    }

    void pasteImage_uploadsAsPng()
    {
        Rig rig;
        QVERIFY(setUp(rig));
        QImage image(16, 16, QImage::Format_ARGB32);
        image.fill(Qt::yellow);
        auto *mime = new QMimeData;
        mime->setImageData(image);
        QApplication::clipboard()->setMimeData(mime);
        QSignalSpy done(rig.queue.get(), &ImageUploadQueue::done);
        QTest::keySequence(&rig.editor, QKeySequence::Paste);
        QVERIFY2(rig.editor.toPlainText().contains(QStringLiteral("Uploading pasted image")),
                 qPrintable(rig.editor.toPlainText()));
        QVERIFY(done.wait(20000));
        QCOMPARE(figureUrls(rig.editor.toPlainText()).size(), 1);
        QVERIFY(!ImageDropHandler::hasLocalImages(rig.editor.toPlainText()));
    }

    void pasteFromTheMenus_uploadsToo()
    {
        Rig rig;
        QVERIFY(setUp(rig));
        // The context menu's and the Edit menu's Paste call paste(), not a key press.
        QImage image(8, 8, QImage::Format_ARGB32);
        image.fill(Qt::magenta);
        auto *mime = new QMimeData;
        mime->setImageData(image);
        QApplication::clipboard()->setMimeData(mime);
        QVERIFY(rig.editor.canPaste());
        QSignalSpy done(rig.queue.get(), &ImageUploadQueue::done);
        rig.editor.paste();
        QVERIFY2(rig.editor.toPlainText().contains(QStringLiteral("Uploading pasted image")),
                 qPrintable(rig.editor.toPlainText()));
        QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, 20000);

        // Copied image files (a file manager's Copy) upload as files.
        const QString file = writePng(rig.dir, QStringLiteral("copied.png"), Qt::cyan);
        auto *files = new QMimeData;
        files->setUrls({QUrl::fromLocalFile(file)});
        QApplication::clipboard()->setMimeData(files);
        rig.editor.paste();
        QVERIFY(rig.editor.toPlainText().contains(QStringLiteral("Uploading copied.png")));
        QTRY_COMPARE_WITH_TIMEOUT(done.count(), 2, 20000);
        QCOMPARE(figureUrls(rig.editor.toPlainText()).size(), 2);

        // Plain text still pastes as text.
        QApplication::clipboard()->setText(QStringLiteral("just words"));
        rig.editor.paste();
        QVERIFY(rig.editor.toPlainText().contains(QStringLiteral("just words")));
        QCOMPARE(done.count(), 2);
    }

    void insertImage_nullImage_isRejected()
    {
        Rig rig;
        QVERIFY(setUp(rig));
        QSignalSpy rejected(rig.handler.get(), &ImageDropHandler::rejected);
        QCOMPARE(rig.handler->insertImage(QImage(), rig.editor.textCursor()), -1);
        QCOMPARE(rejected.count(), 1);
        QVERIFY(rig.editor.toPlainText().isEmpty());
    }

    void badFile_getsClearMessageAndNoRequest_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("name");
        QTest::addColumn<qint64>("limit");
        QTest::newRow("text") << QByteArray("just some words\n") << QStringLiteral("notes.txt")
                              << qint64(0);
        QTest::newRow("empty") << QByteArray() << QStringLiteral("empty.png") << qint64(0);
        QTest::newRow("oversize") << QByteArray() << QStringLiteral("big.png") << qint64(100);
    }
    void badFile_getsClearMessageAndNoRequest()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, name);
        QFETCH(qint64, limit);
        Rig rig;
        QVERIFY(setUp(rig));
        QString path;
        if (limit > 0) {
            QImage image(200, 200, QImage::Format_RGB32);
            image.fill(Qt::white);
            for (int i = 0; i < 200; ++i)
                image.setPixel(i, (i * 7) % 200, qRgb(i, 255 - i, i * 3 % 255));
            path = rig.dir.filePath(name);
            QVERIFY(image.save(path, "PNG"));
            rig.queue->setMaxFileSize(limit);
        } else {
            path = rig.dir.filePath(name);
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(content);
        }
        rig.editor.setPlainText(QStringLiteral("Body"));
        QSignalSpy rejected(rig.handler.get(), &ImageDropHandler::rejected);
        QSignalSpy requests(&rig.nam, &QNetworkAccessManager::finished);
        drop(rig.handler.get(), &rig.editor, {path});
        QCOMPARE(rejected.count(), 1);
        const QString message = rejected.first().first().toString();
        QVERIFY2(message.contains(name) && message.contains(QStringLiteral("cannot be uploaded")),
                 qPrintable(message));
        QCOMPARE(rig.editor.toPlainText(), QStringLiteral("Body"));
        QCOMPARE(rig.queue->runningCount(), 0);
        QTest::qWait(0);
        QCOMPARE(requests.count(), 0);
    }

    void refusedUpload_keepsLocalReference_retrySucceeds()
    {
        Rig rig;
        QVERIFY(setUp(rig));
        rig.sandbox.server()->setUploadEnabled(false);
        const QString a = writePng(rig.dir, QStringLiteral("kept.png"), Qt::cyan);
        QSignalSpy failed(rig.queue.get(), &ImageUploadQueue::failed);
        QSignalSpy uploadFailed(rig.handler.get(), &ImageDropHandler::uploadFailed);
        drop(rig.handler.get(), &rig.editor, {a});
        QVERIFY(failed.wait(20000));
        QCOMPARE(uploadFailed.count(), 1);
        QString text = rig.editor.toPlainText();
        QVERIFY2(text.contains(QStringLiteral("![Upload failed")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("](local:") + a + QLatin1Char(')')));
        QVERIFY(ImageDropHandler::hasLocalImages(text));
        QCOMPARE(rig.queue->failedIds().size(), 1);

        rig.sandbox.server()->setUploadEnabled(true);
        QSignalSpy done(rig.queue.get(), &ImageUploadQueue::done);
        QCOMPARE(rig.handler->retryFailed(), 1);
        QVERIFY(done.wait(20000));
        text = rig.editor.toPlainText();
        QVERIFY2(!ImageDropHandler::hasLocalImages(text), qPrintable(text));
        QCOMPARE(figureUrls(text).size(), 1);
        QVERIFY(rig.queue->failedIds().isEmpty());
        QCOMPARE(rig.handler->retryFailed(), 0);
    }

    void insertImageUrl_data()
    {
        QTest::addColumn<bool>("markdown");
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("expected");
        QTest::newRow("md") << true << QStringLiteral("https://img.test/a.png")
                            << QStringLiteral("Body\n\n![](https://img.test/a.png)");
        QTest::newRow("html") << false << QStringLiteral("https://img.test/a.png")
                              << QStringLiteral(
                                     "Body\n<figure><img src=\"https://img.test/a.png\"/>"
                                     "<figcaption></figcaption></figure>");
        QTest::newRow("not http") << true << QStringLiteral("file:///etc/passwd")
                                  << QStringLiteral("Body");
        QTest::newRow("no host") << true << QStringLiteral("https://") << QStringLiteral("Body");
    }
    void insertImageUrl()
    {
        QFETCH(bool, markdown);
        QFETCH(QString, url);
        QFETCH(QString, expected);
        Rig rig;
        QVERIFY(setUp(rig, markdown ? DraftFormat::Markdown : DraftFormat::Html));
        rig.editor.setPlainText(QStringLiteral("Body"));
        QTextCursor c = rig.editor.textCursor();
        c.movePosition(QTextCursor::End);
        QCOMPARE(rig.handler->insertImageUrl(QUrl(url), c), expected != QStringLiteral("Body"));
        QCOMPARE(rig.editor.toPlainText(), expected);
        QVERIFY(!ImageDropHandler::hasLocalImages(rig.editor.toPlainText()));
    }

    void hasLocalImages_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<bool>("expected");
        QTest::newRow("plain") << QStringLiteral("Just text") << false;
        QTest::newRow("online md") << QStringLiteral("![](https://x.test/a.png)") << false;
        QTest::newRow("local md") << QStringLiteral("a\n\n![Uploading a.png… 4%](local:/t/a.png)")
                                  << true;
        QTest::newRow("local html") << QStringLiteral("<img src=\"local:/t/a.png\"/>") << true;
        QTest::newRow("local html single quote")
            << QStringLiteral("<img src='local:/a.png'>") << true;
        QTest::newRow("word local in text") << QStringLiteral("local: news") << false;
        QTest::newRow("online html")
            << QStringLiteral("<figure><img src=\"https://x.test/a.png\"/></figure>") << false;
    }
    void hasLocalImages()
    {
        QFETCH(QString, source);
        QFETCH(bool, expected);
        QCOMPARE(ImageDropHandler::hasLocalImages(source), expected);
    }
};

int main(int argc, char **argv)
{
    tg::test::applyHeadlessDefaults();
    QApplication app(argc, argv);
    TestImageUpload tc;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&tc, argc, argv);
}

#include "tst_imageupload.moc"
