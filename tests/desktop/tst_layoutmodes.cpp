// SPDX-License-Identifier: MIT
// The window's layouts in the whole app on a real X server (the screen size is the test's
// XVFB_SCREEN): the first start in the Write layout at about 80 % of the screen, the Write and
// Library layouts each keeping their own docks across switches and restarts, Reset Layout, the
// minimum widths, and the preview's WebEngine starting only after the window painted.
#include "desktop/desktopapp.h"
#include "editor/editorpane.h"
#include "editor/sourceeditor.h"
#include "preview/previewpane.h"
#include "testmain.h"
#include "window/layoutmode.h"
#include "window/mainwindow.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QDockWidget>
#include <QLineEdit>
#include <QScreen>
#include <QSettings>
#include <QSplitter>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace tg;
using namespace Qt::StringLiterals;

namespace {

const QString ArtifactsDir = QStringLiteral(TG_ARTIFACTS_DIR);

QDockWidget *dock(MainWindow *w, const QString &name)
{
    return w->findChild<QDockWidget *>(name, Qt::FindDirectChildrenOnly);
}

QString screenName()
{
    const QSize s = QGuiApplication::primaryScreen()->size();
    return u"%1x%2"_s.arg(s.width()).arg(s.height());
}

} // namespace

class TestLayoutModes : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void firstStart_opensTheWriteLayout_atEightyPercentOfTheScreen();
    void writeAndLibrary_eachKeepTheirDocks_acrossSwitchesAndRestarts();
    void resetLayout_bringsBackTheDefaults();
    void window_isShownBeforeWebEngine_thenThePreviewShowsTheDraft();

private:
    /// Starts the whole app (with its in-app sandbox) in m_dir; the window is shown.
    MainWindow *start();
    void stop();
    /// Waits for the accounts, pages and statistics docks the sandbox account brings.
    bool waitForLibraryDocks(MainWindow *w);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<DesktopApp> m_app;
};

void TestLayoutModes::init()
{
    QStandardPaths::setTestModeEnabled(true);
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    qputenv("TELEGRAPH_CONFIG_DIR", m_dir->filePath(u"config"_s).toUtf8());
    qputenv("TELEGRAPH_DESKTOP_DATA_DIR", m_dir->filePath(u"data"_s).toUtf8());
    QDir().mkpath(ArtifactsDir);
}

void TestLayoutModes::cleanup()
{
    stop();
    qunsetenv("TELEGRAPH_DESKTOP_DATA_DIR");
    qunsetenv("TELEGRAPH_CONFIG_DIR");
    m_dir.reset();
}

MainWindow *TestLayoutModes::start()
{
    DesktopApp::Options options;
    options.sandbox = true;
    m_app = std::make_unique<DesktopApp>(options);
    QString error;
    if (!m_app->start(&error)) {
        qWarning() << error;
        return nullptr;
    }
    if (!QTest::qWaitForWindowExposed(m_app->window()))
        return nullptr;
    return m_app->window();
}

void TestLayoutModes::stop()
{
    if (!m_app)
        return;
    if (m_app->window())
        m_app->window()->close(); // saves the layout as quitting does
    m_app->shutdown();
    m_app.reset();
}

bool TestLayoutModes::waitForLibraryDocks(MainWindow *w)
{
    return QTest::qWaitFor(
        [w] {
            return dock(w, u"accountPanelDock"_s) && dock(w, u"pageListDock"_s) &&
                   dock(w, u"statsDock"_s);
        },
        20000);
}

void TestLayoutModes::firstStart_opensTheWriteLayout_atEightyPercentOfTheScreen()
{
    MainWindow *w = start();
    QVERIFY(w);
    QVERIFY(waitForLibraryDocks(w));
    QTest::qWait(300); // the docks settle
    const QRect screen = w->screen()->availableGeometry();
    // About 80 % of the screen, centred.
    QVERIFY2(qAbs(w->width() - screen.width() * 0.8) <= 2 &&
                 qAbs(w->height() - screen.height() * 0.8) <= 2,
             qPrintable(u"%1×%2 on %3×%4"_s.arg(w->width())
                            .arg(w->height())
                            .arg(screen.width())
                            .arg(screen.height())));
    QVERIFY(qAbs(w->frameGeometry().center().x() - screen.center().x()) <= 40);
    QCOMPARE(w->layoutMode()->mode(), LayoutMode::Mode::Write);
    QVERIFY(w->layoutMode()->writeAction()->isChecked());
    // Editor and preview side by side, each at least 35 % of the width; the drafts slim.
    QWidget *editor = w->editorPane();
    QWidget *preview = w->preview();
    QVERIFY(editor->isVisible() && preview->isVisible());
    const double editorShare = double(editor->width()) / w->width();
    const double previewShare = double(preview->width()) / w->width();
    QVERIFY2(editorShare >= 0.35 && previewShare >= 0.35,
             qPrintable(u"editor %1 px, preview %2 px of %3 px"_s.arg(editor->width())
                            .arg(preview->width())
                            .arg(w->width())));
    QVERIFY(editor->mapTo(w, QPoint(0, 0)).x() < preview->mapTo(w, QPoint(0, 0)).x());
    QDockWidget *drafts = dock(w, u"draftsDock"_s);
    QVERIFY(drafts && drafts->isVisible());
    QVERIFY2(drafts->width() >= LayoutMode::MinSidebarWidth && drafts->width() < w->width() / 4,
             qPrintable(QString::number(drafts->width())));
    // Nothing else.
    for (const QString &name : {u"accountPanelDock"_s, u"pageListDock"_s, u"statsDock"_s})
        QVERIFY2(!dock(w, name)->isVisible(), qPrintable(name));
    // No panel below a usable width.
    QVERIFY(editor->width() >= LayoutMode::MinEditorWidth);
    QVERIFY(preview->width() >= LayoutMode::MinPreviewWidth);
    QTRY_VERIFY_WITH_TIMEOUT(w->preview()->isReady(), 20000);
    QTest::qWait(300); // Chromium paints
    const QString out = ArtifactsDir + u"/layout-write-%1.png"_s.arg(screenName());
    QVERIFY(w->grab().save(out, "PNG"));

    // The Library layout: the chart has room, the editor is out of the way.
    w->layoutMode()->libraryAction()->trigger();
    QTest::qWait(300);
    QDockWidget *stats = dock(w, u"statsDock"_s);
    QVERIFY(stats->isVisible() && dock(w, u"pageListDock"_s)->isVisible() &&
            dock(w, u"accountPanelDock"_s)->isVisible());
    QVERIFY(!drafts->isVisible() && !w->centralWidget()->isVisible());
    QVERIFY2(stats->height() >= LayoutMode::MinChartHeight,
             qPrintable(QString::number(stats->height())));
    for (const QString &name : {u"accountPanelDock"_s, u"pageListDock"_s, u"statsDock"_s})
        QVERIFY2(dock(w, name)->width() >= LayoutMode::MinSidebarWidth, qPrintable(name));
    QVERIFY(w->grab().save(ArtifactsDir + u"/layout-library-%1.png"_s.arg(screenName()), "PNG"));
}

void TestLayoutModes::writeAndLibrary_eachKeepTheirDocks_acrossSwitchesAndRestarts()
{
    MainWindow *w = start();
    QVERIFY(w);
    QVERIFY(waitForLibraryDocks(w));
    // The shortcuts reach the window (it must be the active one for them).
    w->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(w));
    QTest::keyClick(w, Qt::Key_2, Qt::ControlModifier);
    QCOMPARE(w->layoutMode()->mode(), LayoutMode::Mode::Library);
    QVERIFY(w->layoutMode()->libraryAction()->isChecked());
    // In Library, the page list is closed.
    dock(w, u"pageListDock"_s)->close();
    QVERIFY(!dock(w, u"pageListDock"_s)->isVisible());
    // In Write, the drafts are made wider.
    QTest::keyClick(w, Qt::Key_1, Qt::ControlModifier);
    QCOMPARE(w->layoutMode()->mode(), LayoutMode::Mode::Write);
    QVERIFY(w->centralWidget()->isVisible());
    QDockWidget *drafts = dock(w, u"draftsDock"_s);
    QVERIFY(drafts->isVisible());
    w->resizeDocks({drafts}, {260}, Qt::Horizontal);
    QTest::qWait(100);
    const int draftsWidth = drafts->width();
    QVERIFY(!dock(w, u"statsDock"_s)->isVisible());
    // Round trip: each layout as it was left.
    w->layoutMode()->libraryAction()->trigger();
    QVERIFY(!dock(w, u"pageListDock"_s)->isVisible());
    QVERIFY(dock(w, u"statsDock"_s)->isVisible());
    w->layoutMode()->writeAction()->trigger();
    QTest::qWait(100);
    QCOMPARE(drafts->width(), draftsWidth);
    // Quit in Library: the next start opens it, as it was.
    w->layoutMode()->libraryAction()->trigger();
    stop();
    w = start();
    QVERIFY(w);
    QVERIFY(waitForLibraryDocks(w));
    QTest::qWait(200);
    QCOMPARE(w->layoutMode()->mode(), LayoutMode::Mode::Library);
    QVERIFY(w->layoutMode()->libraryAction()->isChecked());
    QVERIFY(!dock(w, u"pageListDock"_s)->isVisible());
    QVERIFY(dock(w, u"statsDock"_s)->isVisible());
    QVERIFY(!w->centralWidget()->isVisible());
    w->layoutMode()->writeAction()->trigger();
    QTest::qWait(100);
    QVERIFY(w->centralWidget()->isVisible());
    drafts = dock(w, u"draftsDock"_s);
    QVERIFY(drafts);
    QVERIFY(drafts->isVisible());
    QCOMPARE(drafts->width(), draftsWidth);
}

void TestLayoutModes::resetLayout_bringsBackTheDefaults()
{
    MainWindow *w = start();
    QVERIFY(w);
    QVERIFY(waitForLibraryDocks(w));
    dock(w, u"draftsDock"_s)->close();
    dock(w, u"statsDock"_s)->show(); // a Library panel opened in Write
    w->layoutMode()->resetAction()->trigger();
    QTest::qWait(200);
    QVERIFY(dock(w, u"draftsDock"_s)->isVisible());
    QVERIFY(!dock(w, u"statsDock"_s)->isVisible());
    QVERIFY(w->editorPane()->width() >= w->width() * 0.35);
    QVERIFY(w->preview()->width() >= w->width() * 0.35);
    // The Library layout's changes are forgotten too.
    w->layoutMode()->libraryAction()->trigger();
    dock(w, u"pageListDock"_s)->close();
    w->layoutMode()->resetAction()->trigger();
    QTest::qWait(200);
    QCOMPARE(w->layoutMode()->mode(), LayoutMode::Mode::Library);
    QVERIFY(dock(w, u"pageListDock"_s)->isVisible());
    QVERIFY(dock(w, u"statsDock"_s)->height() >= LayoutMode::MinChartHeight);
}

void TestLayoutModes::window_isShownBeforeWebEngine_thenThePreviewShowsTheDraft()
{
    // A first run leaves a draft with text.
    const QString text = u"Paragraph that the preview must show after a restart."_s;
    {
        MainWindow *w = start();
        QVERIFY(w);
        w->editorPane()->titleEdit()->setText(u"Restored draft"_s);
        w->editorPane()->editor()->setPlainText(text);
        QTRY_VERIFY(w->lastResult().serial == w->editSerial());
        stop();
    }
    DesktopApp::Options options;
    options.sandbox = true;
    m_app = std::make_unique<DesktopApp>(options);
    QString error;
    QVERIFY2(m_app->start(&error), qPrintable(error));
    MainWindow *w = m_app->window();
    // The window is up with the draft before WebEngine has a page.
    QVERIFY(w->isVisible());
    QCOMPARE(w->editorPane()->editor()->toPlainText(), text);
    QVERIFY(!w->preview()->isStarted());
    bool startedAtFirstPaint = true;
    connect(w, &MainWindow::firstPainted, this,
            [&] { startedAtFirstPaint = w->preview()->isStarted(); });
    QTRY_VERIFY_WITH_TIMEOUT(w->hasPainted(), 10000);
    QVERIFY(!startedAtFirstPaint);
    // Then the preview starts and shows the draft pushed to it before it was ready.
    QTRY_VERIFY_WITH_TIMEOUT(w->preview()->isStarted(), 5000);
    QTRY_VERIFY_WITH_TIMEOUT(w->preview()->isReady(), 20000);
    QTRY_VERIFY_WITH_TIMEOUT(w->editSerial() > 0 && w->lastResult().serial == w->editSerial() &&
                                 w->preview()->shownSerial() == w->editSerial(),
                             10000);
    const auto eval = [w](const QString &script) {
        QVariant result;
        bool done = false;
        w->preview()->runJavaScript(script, [&](const QVariant &v) {
            result = v;
            done = true;
        });
        if (!QTest::qWaitFor([&] { return done; }, 10000))
            return QString();
        return result.toString();
    };
    const QString shown = eval(u"document.getElementById('content').textContent"_s);
    QVERIFY2(shown.contains(text),
             qPrintable(u"DOM: \"%1\", converted blocks: %2, body HTML: %3"_s.arg(shown)
                            .arg(w->lastResult().blocks.size())
                            .arg(eval(u"document.body.innerHTML"_s).left(400))));
    QCOMPARE(eval(u"document.getElementById('title').textContent"_s), u"Restored draft"_s);
}

int main(int argc, char **argv)
{
    tg::test::applyHeadlessDefaults();
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    QApplication app(argc, argv);
    TestLayoutModes tc;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&tc, argc, argv);
}
#include "tst_layoutmodes.moc"
