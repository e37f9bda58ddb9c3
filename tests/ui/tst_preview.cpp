// SPDX-License-Identifier: MIT
// The editor and the live preview on real widgets and a real WebEngine, offscreen.
#include "editor/editorpane.h"
#include "editor/sourceeditor.h"
#include "preview/contentmeter.h"
#include "preview/previewpane.h"
#include "testmain.h"
#include "uitestwindow.h"
#include "window/publishbar.h"

#include <QApplication>
#include <QComboBox>
#include <QLineEdit>
#include <QListWidget>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStandardPaths>

using namespace tg;
using tg::test::evalInPreview;

class TestPreview : public QObject
{
    Q_OBJECT

    /// Waits until the preview DOM shows the newest edit.
    static bool waitForPreview(MainWindow *w, int timeoutMs = 15000)
    {
        return QTest::qWaitFor(
            [w] {
                return w->preview()->isReady() && w->lastResult().serial == w->editSerial() &&
                       w->preview()->shownSerial() == w->editSerial();
            },
            timeoutMs);
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void start_putsCursorInEditor()
    {
        test::UiTestWindow t;
        QVERIFY(t.open());
        QTRY_VERIFY(t.window->editorPane()->editor()->hasFocus());
        QTest::keyClicks(t.window->editorPane()->editor(), QStringLiteral("Hi"));
        QCOMPARE(t.window->editorPane()->body(), QStringLiteral("Hi"));
    }

    void typing_updatesPreviewDom_data()
    {
        QTest::addColumn<int>("format");
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("selector");
        QTest::addColumn<QString>("expected");
        QTest::newRow("markdown bold")
            << 0 << QStringLiteral("Hello **world**")
            << QStringLiteral("#content strong, #content b") << QStringLiteral("world");
        QTest::newRow("markdown heading") << 0 << QStringLiteral("# Big")
                                          << QStringLiteral("#content h3") << QStringLiteral("Big");
        QTest::newRow("html italic")
            << 1 << QStringLiteral("<p>An <i>idea</i></p>")
            << QStringLiteral("#content em, #content i") << QStringLiteral("idea");
    }
    void typing_updatesPreviewDom()
    {
        QFETCH(int, format);
        QFETCH(QString, typed);
        QFETCH(QString, selector);
        QFETCH(QString, expected);
        test::UiTestWindow t;
        QVERIFY(t.open());
        MainWindow *w = t.window.get();
        w->editorPane()->setFormat(static_cast<DraftFormat>(format));
        QTest::keyClicks(w->editorPane()->titleEdit(), QStringLiteral("My title"));
        QTest::keyClicks(w->editorPane()->editor(), typed);
        QVERIFY(waitForPreview(w));
        QCOMPARE(evalInPreview(
                     w->preview(),
                     QStringLiteral("(document.querySelector('%1')||{}).textContent").arg(selector))
                     .toString(),
                 expected);
        QCOMPARE(evalInPreview(w->preview(),
                               QStringLiteral("document.getElementById('title').textContent"))
                     .toString(),
                 QStringLiteral("My title"));
    }

    void preview_showsSentContentNotRawSource()
    {
        test::UiTestWindow t;
        QVERIFY(t.open());
        MainWindow *w = t.window.get();
        w->editorPane()->setFormat(DraftFormat::Html);
        // h1 does not exist on Telegraph: the preview must show what will be sent (h3).
        w->editorPane()->editor()->setPlainText(QStringLiteral("<h1>Head</h1><p>x</p>"));
        QVERIFY(waitForPreview(w));
        QCOMPARE(evalInPreview(w->preview(),
                               QStringLiteral("document.querySelectorAll('#content h1').length"))
                     .toInt(),
                 0);
    }

    void preview_scriptUrls_areNotLive()
    {
        test::UiTestWindow t;
        QVERIFY(t.open());
        MainWindow *w = t.window.get();
        w->editorPane()->setFormat(DraftFormat::Html);
        // Strict HTML keeps a javascript: link as written; the preview must not make it live.
        w->editorPane()->editor()->setPlainText(QStringLiteral(
            "<p><a href=\"javascript:alert(1)\">x</a> <a href=\"https://telegra.ph/\">y</a></p>"));
        QVERIFY(waitForPreview(w));
        const QString hrefs =
            evalInPreview(w->preview(), QStringLiteral("Array.from(document.querySelectorAll("
                                                       "'#content a')).map(function (a) { "
                                                       "return a.getAttribute('href'); "
                                                       "}).join(' ')"))
                .toString();
        QVERIFY2(hrefs.contains(QLatin1String("https://telegra.ph/")), qPrintable(hrefs));
        QVERIFY2(!hrefs.contains(QLatin1String("javascript"), Qt::CaseInsensitive),
                 qPrintable(hrefs));
    }

    void preview_updateKeepsThePageLoaded()
    {
        test::UiTestWindow t;
        QVERIFY(t.open());
        MainWindow *w = t.window.get();
        QTRY_VERIFY_WITH_TIMEOUT(w->preview()->isReady(), 15000);
        QSignalSpy loads(w->preview(), &PreviewPane::loadStarted);
        for (int i = 0; i < 5; ++i) {
            QTest::keyClicks(w->editorPane()->editor(), QStringLiteral("word "));
            QVERIFY(waitForPreview(w));
        }
        QCOMPARE(loads.count(), 0);
    }

    void preview_incrementalUpdates_matchAFullRender_data()
    {
        QTest::addColumn<QStringList>("edits"); // successive sources
        const QString a = QStringLiteral("First paragraph.\n\n");
        const QString b = QStringLiteral("## Heading\n\n");
        const QString c = QStringLiteral("Third with **bold** and [a link](/file/x.jpg).\n\n");
        const QString d = QStringLiteral("- one\n- two\n\n");
        QTest::newRow("change in the middle")
            << QStringList{a + b + c, a + b + QStringLiteral("x") + c};
        QTest::newRow("insert and remove blocks")
            << QStringList{a + c, a + b + c + d, c + d, d, QString(), a + b};
        QTest::newRow("duplicate blocks") << QStringList{a + a + a, a + a, a + b + a, a};
        QTest::newRow("relative link fixed in new block") << QStringList{a, a + c};
    }

    void preview_incrementalUpdates_matchAFullRender()
    {
        QFETCH(QStringList, edits);
        test::UiTestWindow t;
        QVERIFY(t.open());
        MainWindow *w = t.window.get();
        QTRY_VERIFY_WITH_TIMEOUT(w->preview()->isReady(), 15000);
        for (const QString &source : edits) {
            w->editorPane()->editor()->setPlainText(source);
            QVERIFY(waitForPreview(w));
            // The DOM built block by block equals what the whole HTML gives in one go.
            const QString script = QStringLiteral(
                "(function () { var t = document.createElement('template');"
                " t.innerHTML = %1; t.content.querySelectorAll('a[href]').forEach(function (e) {"
                " var v = e.getAttribute('href'); if (v.charAt(0) === '/' && v.charAt(1) !== '/')"
                " e.setAttribute('href', 'https://telegra.ph' + v); });"
                // The page gives blocks, list items and quotes their own direction.
                " t.content.childNodes.forEach(function (n) { if (n.nodeType === 1 &&"
                " !n.hasAttribute('dir')) n.setAttribute('dir', 'auto'); });"
                " t.content.querySelectorAll('li, blockquote, figcaption').forEach(function (e) {"
                " if (!e.hasAttribute('dir')) e.setAttribute('dir', 'auto'); });"
                " var d = document.createElement('div'); d.appendChild(t.content);"
                " return d.innerHTML === document.getElementById('content').innerHTML; })()");
            QString quoted = w->lastResult().html;
            quoted.replace(QLatin1Char('\\'), QStringLiteral("\\\\"))
                .replace(QLatin1Char('\''), QStringLiteral("\\'"))
                .replace(QLatin1Char('\n'), QStringLiteral("\\n"));
            QVERIFY2(evalInPreview(w->preview(),
                                   script.arg(QLatin1Char('\'') + quoted + QLatin1Char('\'')))
                         .toBool(),
                     qPrintable(source));
        }
    }

    void preview_embedsBecomePlaceholders()
    {
        test::UiTestWindow t;
        QVERIFY(t.open());
        MainWindow *w = t.window.get();
        w->editorPane()->setFormat(DraftFormat::Html);
        w->editorPane()->editor()->setPlainText(QStringLiteral(
            "<figure><iframe src=\"/embed/youtube?url=https%3A%2F%2Fyoutu.be%2Fabc\"></iframe>"
            "</figure><p>text</p>"));
        QVERIFY(waitForPreview(w));
        QCOMPARE(evalInPreview(w->preview(),
                               QStringLiteral("document.querySelectorAll('iframe').length"))
                     .toInt(),
                 0);
        QVERIFY(evalInPreview(w->preview(),
                              QStringLiteral("document.querySelector('.tg-embed').textContent"))
                    .toString()
                    .contains(QLatin1String("https://youtu.be/abc")));
    }

    void preview_darkTheme_setsClass()
    {
        test::UiTestWindow t;
        QVERIFY(t.open());
        MainWindow *w = t.window.get();
        QTRY_VERIFY_WITH_TIMEOUT(w->preview()->isReady(), 15000);
        w->preview()->setDark(true);
        QTRY_COMPARE(
            evalInPreview(w->preview(), QStringLiteral("document.documentElement.className"))
                .toString(),
            QStringLiteral("dark"));
    }

    void scrollingTheEditor_scrollsThePreviewAlong()
    {
        test::UiTestWindow t;
        QVERIFY(t.open());
        MainWindow *w = t.window.get();
        QString text;
        for (int i = 0; i < 200; ++i)
            text += QStringLiteral("Paragraph %1 of a long article.\n\n").arg(i);
        w->editorPane()->editor()->setPlainText(text);
        QVERIFY(waitForPreview(w));
        const auto previewY = [w] {
            return evalInPreview(w->preview(), QStringLiteral("window.scrollY")).toDouble();
        };
        const auto previewMax = [w] {
            return evalInPreview(w->preview(),
                                 QStringLiteral("document.documentElement.scrollHeight - "
                                                "window.innerHeight"))
                .toDouble();
        };
        QTRY_VERIFY(previewMax() > 100);
        QScrollBar *bar = w->editorPane()->editor()->verticalScrollBar();
        bar->setValue(bar->maximum());
        QTRY_VERIFY(previewY() > previewMax() * 0.9);
        bar->setValue((bar->minimum() + bar->maximum()) / 2);
        QTRY_VERIFY(previewY() > previewMax() * 0.35 && previewY() < previewMax() * 0.65);
        bar->setValue(bar->minimum());
        QTRY_COMPARE(previewY(), 0.0);
    }

    void clickingALink_opensItOutside_andThePreviewStays()
    {
        test::UiTestWindow t;
        QVERIFY(t.open());
        MainWindow *w = t.window.get();
        w->editorPane()->editor()->setPlainText(QStringLiteral(
            "# Links\n\n[A very long link text to click on](https://example.org/a)"));
        QVERIFY(waitForPreview(w));
        QSignalSpy requested(w->preview(), &PreviewPane::linkClicked);
        const QVariantList rect =
            evalInPreview(w->preview(),
                          QStringLiteral("(function(){var r=document.querySelector('#content a')"
                                         ".getBoundingClientRect();return [r.left+r.width/2,"
                                         "r.top+r.height/2];})()"))
                .toList();
        QCOMPARE(rect.size(), 2);
        const QPoint at(int(rect.at(0).toDouble()), int(rect.at(1).toDouble()));
        QWidget *view = w->preview()->engineWidget();
        QVERIFY(view);
        QWidget *target = view->focusProxy() ? view->focusProxy() : view;
        QTest::mouseMove(target, at);
        QTest::mouseClick(target, Qt::LeftButton, Qt::NoModifier, at);
        QTRY_COMPARE_WITH_TIMEOUT(requested.count(), 1, 10000);
        QCOMPARE(requested.first().first().toUrl(), QUrl(QStringLiteral("https://example.org/a")));
        // The preview did not navigate away.
        QCOMPARE(w->preview()->pageUrl().scheme(), QStringLiteral("qrc"));
    }

    void previewTheme_followsTheSystemUntilChosen()
    {
        const QPalette original = QGuiApplication::palette();
        QPalette dark = original;
        dark.setColor(QPalette::Window, QColor(0x20, 0x20, 0x20));
        dark.setColor(QPalette::WindowText, QColor(0xee, 0xee, 0xee));
        test::UiTestWindow t;
        QVERIFY(t.open());
        MainWindow *w = t.window.get();
        QVERIFY(w->followsSystemTheme());
        QCOMPARE(w->preview()->isDark(), MainWindow::systemPrefersDark());
        QApplication::setPalette(dark);
        QTRY_VERIFY(w->preview()->isDark());
        QApplication::setPalette(original);
        QTRY_VERIFY(!w->preview()->isDark());
        // Closing remembers the layout but not a theme the user never chose.
        w->close();
        QVERIFY(!t.settings->contains(QStringLiteral("preview/dark")));
        // A chosen theme stays, whatever the system does.
        t.settings->setValue(QStringLiteral("preview/dark"), false);
        QVERIFY(!w->followsSystemTheme());
        QApplication::setPalette(dark);
        QTest::qWait(50);
        QVERIFY(!w->preview()->isDark());
        QApplication::setPalette(original);
    }

    void meter_reactsToOversizeContent()
    {
        test::UiTestWindow t;
        QVERIFY(t.open());
        MainWindow *w = t.window.get();
        w->editorPane()->titleEdit()->setText(QStringLiteral("Big"));
        QString big;
        for (int i = 0; i < 1400; ++i)
            big += QStringLiteral("Paragraph %1 with some words to fill the page.\n\n").arg(i);
        w->editorPane()->editor()->setPlainText(big);
        QVERIFY(waitForPreview(w));
        QVERIFY(w->meter()->bytes() > 65536);
        QVERIFY(!w->lastResult().publishable());
        QVERIFY(!w->meter()->messages().isEmpty());
        // Publishing is refused with that message (no publisher is needed to refuse).
        w->publish();
        QVERIFY(w->publishBar()->isVisible());

        w->editorPane()->editor()->setPlainText(QStringLiteral("Short."));
        QVERIFY(waitForPreview(w));
        QVERIFY(w->meter()->bytes() < 100);
        QVERIFY(w->lastResult().publishable());
    }

    void meter_listsEmptyTitle()
    {
        test::UiTestWindow t;
        QVERIFY(t.open());
        MainWindow *w = t.window.get();
        QTest::keyClicks(w->editorPane()->editor(), QStringLiteral("Body"));
        QVERIFY(waitForPreview(w));
        QVERIFY(!w->lastResult().publishable());
        QTest::keyClicks(w->editorPane()->titleEdit(), QStringLiteral("T"));
        QVERIFY(waitForPreview(w));
        QVERIFY(w->lastResult().publishable());
    }

    void meter_strictHtmlError_clickMovesCursor()
    {
        test::UiTestWindow t;
        QVERIFY(t.open());
        MainWindow *w = t.window.get();
        w->editorPane()->titleEdit()->setText(QStringLiteral("T"));
        w->editorPane()->setFormat(DraftFormat::Html);
        w->editorPane()->editor()->setPlainText(
            QStringLiteral("<p>one</p>\n<p>two</p>\n<table><tr><td>x</td></tr></table>"));
        QVERIFY(waitForPreview(w));
        QVERIFY(!w->lastResult().publishable());
        int row = -1;
        for (int i = 0; i < w->lastResult().issues.size(); ++i) {
            if (w->lastResult().issues[i].line > 0) {
                row = i;
                break;
            }
        }
        QVERIFY2(row >= 0, "an HTML error with a line number is listed");
        const int line = w->lastResult().issues[row].line;
        QListWidget *list = w->meter()->list();
        QListWidgetItem *item = list->item(row);
        QVERIFY(item);
        list->scrollToItem(item);
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {},
                          list->visualItemRect(item).center());
        QCOMPARE(w->editorPane()->editor()->textCursor().blockNumber() + 1, line);
    }
};

int main(int argc, char **argv)
{
    tg::test::applyHeadlessDefaults();
    qputenv("TG_PREVIEW_NO_EXTERNAL_OPEN", "1");
    QApplication app(argc, argv);
    TestPreview tc;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&tc, argc, argv);
}

#include "tst_preview.moc"
