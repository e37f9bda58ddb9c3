// SPDX-License-Identifier: MIT
// Offscreen screenshots of the main window in English and in Persian (right to left) at 100% and
// 200%. Each shot runs in a child process of this executable (QT_SCALE_FACTOR applies per
// process); the PNGs are kept as test artifacts under <build>/artifacts/screenshots.
#include "accounts/accountworkspace.h"
#include "desktop/desktopapp.h"
#include "editor/editorpane.h"
#include "editor/sourceeditor.h"
#include "pages/pagelistmodel.h"
#include "pages/pagelistwidget.h"
#include "preview/previewpane.h"
#include "settings/i18n.h"
#include "testmain.h"
#include "window/mainwindow.h"

#include <QApplication>
#include <QDir>
#include <QImage>
#include <QLineEdit>
#include <QProcess>
#include <QSet>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextStream>

using namespace Qt::StringLiterals;

namespace {

const QString ArtifactsDir = QStringLiteral(TG_ARTIFACTS_DIR);

QString shotPath(const QString &language, int percent)
{
    return ArtifactsDir + u"/mainwindow-%1-%2.png"_s.arg(language).arg(percent);
}

QString emptyDraftShotPath(const QString &language, int percent)
{
    return ArtifactsDir + u"/emptydraft-%1-%2.png"_s.arg(language).arg(percent);
}

/// Distinct colours on a 64×64 grid: a blank or single-colour image has one or two.
int distinctColours(const QImage &image)
{
    QSet<QRgb> colours;
    for (int gy = 0; gy < 64; ++gy) {
        for (int gx = 0; gx < 64; ++gx)
            colours.insert(
                image.pixel(gx * (image.width() - 1) / 63, gy * (image.height() - 1) / 63));
    }
    return colours.size();
}

/// The child: one window in one language at the process's scale factor, saved as a PNG.
/// Exit codes: 0 saved, 2 window failed, 3 wrong layout direction, 4 preview never showed the
/// text, 5 save failed.
int renderShot(int argc, char **argv)
{
    tg::test::applyHeadlessDefaults();
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    QTextStream err(stderr);
    const QString language = qEnvironmentVariable("TG_SCREENSHOT_LANGUAGE");
    const QString out = qEnvironmentVariable("TG_SCREENSHOT_FILE");
    // The whole app with its in-app sandbox (accounts, page list and statistics docked), in the
    // language its settings name.
    QTemporaryDir data;
    if (!data.isValid())
        return 2;
    qputenv("TELEGRAPH_DESKTOP_DATA_DIR", data.path().toUtf8());
    {
        QDir().mkpath(data.filePath(u"sandbox"_s));
        QSettings settings(data.filePath(u"sandbox/settings.ini"_s), QSettings::IniFormat);
        settings.setValue(tg::I18n::settingsKey(), language);
        settings.setValue(u"window/geometry"_s, QByteArray());
    }
    tg::DesktopApp::Options options;
    options.sandbox = true;
    tg::DesktopApp desktop(options);
    QString error;
    if (!desktop.start(&error)) {
        err << error << "\n";
        return 2;
    }
    tg::MainWindow *w = desktop.window();
    w->resize(1280, 860);
    if (!QTest::qWaitForWindowExposed(w) ||
        !QTest::qWaitFor([&] { return !desktop.accounts()->currentAccount().isEmpty(); }, 20000))
        return 2;
    const bool rtl = language == u"fa"_s;
    if (w->layoutDirection() != (rtl ? Qt::RightToLeft : Qt::LeftToRight)) {
        err << "layout direction is not " << (rtl ? "right to left" : "left to right") << "\n";
        return 3;
    }
    // Mirrored means the editor (first in the splitter) sits right of the preview.
    const int editorX = w->editorPane()->mapTo(w, QPoint(0, 0)).x();
    const int previewX = w->preview()->mapTo(w, QPoint(0, 0)).x();
    if ((editorX > previewX) != rtl) {
        err << "editor at x=" << editorX << ", preview at x=" << previewX << "\n";
        return 3;
    }
    w->editorPane()->titleEdit()->setText(rtl ? u"سلام دنیا"_s : u"Hello, world"_s);
    w->editorPane()->editor()->setPlainText(
        rtl ? u"## نوشتن برای تلگراف\n\nاین یک **متن آزمایشی** است، با "
              u"[پیوند](https://telegra.ph).\n\n"
              u"- یک\n- دو\n\n> نقل قول"_s
            : u"## Writing for Telegraph\n\nThis is **sample text** with a "
              u"[link](https://telegra.ph).\n\n- one\n- two\n\n> A quote"_s);
    const bool shown = QTest::qWaitFor(
        [w] {
            return w->preview()->isReady() && w->lastResult().serial == w->editSerial() &&
                   w->preview()->shownSerial() == w->editSerial();
        },
        30000);
    if (!shown)
        return 4;
    // One published page in the list, selected, with its statistics.
    QSignalSpy published(w, &tg::MainWindow::publishFinished);
    w->publish();
    if (!published.wait(20000) ||
        !QTest::qWaitFor([&] { return desktop.accounts()->pageModel()->rowCount() == 1; }, 20000))
        return 4;
    desktop.accounts()->pageList()->view()->selectRow(0);
    QTest::qWait(300); // let Chromium paint the pushed content before grabbing
    const QPixmap shot = w->grab();
    err << "grabbed " << shot.width() << "x" << shot.height() << " at dpr "
        << shot.devicePixelRatio() << "\n";
    QDir().mkpath(QFileInfo(out).absolutePath());
    if (!shot.save(out, "PNG"))
        return 5;
    // The same window with a new, empty draft: what is missing shows as hints, not errors.
    const QString emptyOut = qEnvironmentVariable("TG_SCREENSHOT_EMPTY_FILE");
    if (emptyOut.isEmpty())
        return 0;
    w->newDraft();
    const bool emptyShown = QTest::qWaitFor(
        [w] {
            return w->preview()->isReady() && w->lastResult().serial == w->editSerial() &&
                   w->preview()->shownSerial() == w->editSerial();
        },
        30000);
    if (!emptyShown || !w->editorPane()->editor()->toPlainText().isEmpty())
        return 4;
    QTest::qWait(300);
    return w->grab().save(emptyOut, "PNG") ? 0 : 5;
}

} // namespace

class TestScreenshots : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void mainWindow_rendersNonTrivially_data();
    void mainWindow_rendersNonTrivially();
    void persian_isMirroredAgainstEnglish();
};

void TestScreenshots::mainWindow_rendersNonTrivially_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<int>("percent");
    QTest::newRow("en-100") << u"en"_s << 100;
    QTest::newRow("fa-100") << u"fa"_s << 100;
    QTest::newRow("en-200") << u"en"_s << 200;
    QTest::newRow("fa-200") << u"fa"_s << 200;
}

void TestScreenshots::mainWindow_rendersNonTrivially()
{
    QFETCH(QString, language);
    QFETCH(int, percent);
    const QString file = shotPath(language, percent);
    QFile::remove(file);

    QProcess child;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"TG_SCREENSHOT_CHILD"_s, u"1"_s);
    env.insert(u"TG_SCREENSHOT_LANGUAGE"_s, language);
    env.insert(u"TG_SCREENSHOT_FILE"_s, file);
    const QString emptyFile = emptyDraftShotPath(language, percent);
    QFile::remove(emptyFile);
    env.insert(u"TG_SCREENSHOT_EMPTY_FILE"_s, emptyFile);
    env.insert(u"QT_SCALE_FACTOR"_s, QString::number(percent / 100.0));
    env.remove(u"QT_SCREEN_SCALE_FACTORS"_s);
    env.remove(u"QT_AUTO_SCREEN_SCALE_FACTOR"_s);
    child.setProcessEnvironment(env);
    child.setProcessChannelMode(QProcess::ForwardedOutputChannel);
    child.start(QCoreApplication::applicationFilePath(), {});
    QVERIFY2(child.waitForFinished(90000), "the screenshot process did not finish in 90 s");
    const QString stderrText = QString::fromLocal8Bit(child.readAllStandardError());
    QVERIFY2(child.exitStatus() == QProcess::NormalExit && child.exitCode() == 0,
             qPrintable(u"exit code %1: %2"_s.arg(child.exitCode()).arg(stderrText)));

    const QImage image(file);
    QVERIFY2(!image.isNull(), qPrintable(file));
    const int scale = percent / 100;
    // The window is 1200×800 logical pixels; the image has physical ones.
    QVERIFY2(image.width() >= 1100 * scale && image.height() >= 700 * scale,
             qPrintable(u"%1x%2"_s.arg(image.width()).arg(image.height())));
    const int colours = distinctColours(image);
    QVERIFY2(colours >= 8, qPrintable(u"only %1 distinct colours"_s.arg(colours)));
    const QImage empty(emptyFile);
    QVERIFY2(!empty.isNull(), qPrintable(emptyFile));
    QCOMPARE(empty.size(), image.size());
    QVERIFY(empty != image);
}

void TestScreenshots::persian_isMirroredAgainstEnglish()
{
    const QImage en(shotPath(u"en"_s, 100));
    const QImage fa(shotPath(u"fa"_s, 100));
    QVERIFY(!en.isNull() && !fa.isNull());
    QCOMPARE(fa.size(), en.size());
    QVERIFY(fa != en);
}

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsSet("TG_SCREENSHOT_CHILD"))
        return renderShot(argc, argv);
    tg::test::applyHeadlessDefaults();
    QCoreApplication app(argc, argv);
    TestScreenshots tc;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&tc, argc, argv);
}

#include "tst_screenshots.moc"
