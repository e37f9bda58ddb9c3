// SPDX-License-Identifier: MIT
// bench_ui_editor: time from start to a usable editor window (and to a loaded preview), and from
// a keystroke to the updated preview DOM for a 64 KiB Markdown article. Prints medians.
#include "editor/editorpane.h"
#include "editor/sourceeditor.h"
#include "preview/previewpane.h"
#include "storage/draftstore.h"
#include "testmain.h"
#include "window/mainwindow.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QSettings>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <vector>

static double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0.0 : v[v.size() / 2];
}

int main(int argc, char **argv)
{
    tg::test::applyHeadlessDefaults();
    QElapsedTimer sinceStart;
    sinceStart.start();
    QApplication app(argc, argv);
    QTextStream out(stdout);
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    tg::DraftStore store;
    if (!store.open(dir.filePath(QStringLiteral("drafts.sqlite"))))
        return 1;
    store.beginSession();
    auto *window = new tg::MainWindow(&store, &settings);
    window->resize(1200, 800);
    window->openLastDraft();
    window->show();
    if (!QTest::qWaitForWindowExposed(window))
        return 1;
    const double editorMs = double(sinceStart.nsecsElapsed()) / 1e6;
    if (!QTest::qWaitFor([window] { return window->preview()->isReady(); }, 30000))
        return 1;
    const double previewMs = double(sinceStart.nsecsElapsed()) / 1e6;
    out << "start to usable editor window: " << editorMs << " ms\n";
    out << "start to loaded preview:       " << previewMs << " ms\n";

    // A 64 KiB article of paragraphs, headings and emphasis.
    QString article;
    for (int i = 0; article.toUtf8().size() < 64 * 1024; ++i) {
        if (i % 10 == 0)
            article += QStringLiteral("## Section %1\n\n").arg(i / 10);
        article += QStringLiteral("Paragraph %1 has **bold**, _italic_ and a [link](https://"
                                  "example.org/%1) in its words.\n\n")
                       .arg(i);
    }
    window->editorPane()->titleEdit()->setText(QStringLiteral("Benchmark"));
    window->editorPane()->editor()->setPlainText(article);
    window->editorPane()->editor()->moveCursor(QTextCursor::End);
    auto caughtUp = [window] {
        return window->preview()->shownSerial() == window->editSerial();
    };
    if (!QTest::qWaitFor(caughtUp, 30000))
        return 1;
    std::vector<double> samples;
    for (int i = 0; i < 40; ++i) {
        QElapsedTimer t;
        t.start();
        QTest::keyClick(window->editorPane()->editor(), 'x');
        if (!QTest::qWaitFor(caughtUp, 10000))
            break;
        samples.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    out << "article bytes: " << article.toUtf8().size() << ", samples: " << samples.size() << "\n";
    out << "keystroke to updated preview (64 KiB): median " << median(samples) << " ms, min "
        << (samples.empty() ? 0 : *std::min_element(samples.begin(), samples.end())) << " ms, max "
        << (samples.empty() ? 0 : *std::max_element(samples.begin(), samples.end())) << " ms\n";
    delete window;
    store.endSession();
    return 0;
}
