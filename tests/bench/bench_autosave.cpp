// SPDX-License-Identifier: MIT
// bench_autosave: how old the text a crash would lose gets while the writer types without a
// pause. The real main window types into its real editor (a key every 10 ms, then every 50 ms)
// for some seconds over a real drafts database; a second connection reads what is on disk every
// few milliseconds. The age of unsaved text at a moment is how long ago the oldest character not
// yet on disk was typed; the worst and the median over the run are printed, per typing rate and
// autosave interval (the promise: at most 2 s; saves come at least every 1 s while typing).
#include "editor/editorpane.h"
#include "editor/sourceeditor.h"
#include "storage/draftdatabase.h"
#include "storage/draftstore.h"
#include "testmain.h"
#include "window/mainwindow.h"
#include "workflow/draftsession.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QSettings>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

#include <algorithm>
#include <vector>

namespace {

struct Run
{
    double worstMs = 0;
    double medianMs = 0;
    int typed = 0;
    int samples = 0;
};

Run measure(int keyEveryMs, int autosaveMs, int typeForMs)
{
    Run run;
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    settings.setValue(QStringLiteral("editor/autosaveMs"), autosaveMs);
    tg::DraftStore store;
    const QString path = dir.filePath(QStringLiteral("drafts.sqlite"));
    if (!store.open(path))
        return run;
    tg::MainWindow window(&store, &settings);
    window.resize(1000, 700);
    window.openLastDraft();
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        return run;
    tg::SourceEditor *editor = window.editorPane()->editor();
    // The first keystroke stores the new draft; the measured typing follows it.
    QTest::keyClick(editor, 'a');
    store.flush();
    const QString id = window.session()->draft().id;
    tg::DraftDatabase reader;
    if (!reader.open(path))
        return run;

    QElapsedTimer clock;
    clock.start();
    std::vector<qint64> typedAt{0}; // when character i was typed (ms on clock)
    std::vector<double> ages;
    QTimer typer;
    typer.setTimerType(Qt::PreciseTimer);
    typer.setInterval(keyEveryMs);
    QObject::connect(&typer, &QTimer::timeout, [&] {
        QTest::keyClick(editor, char('a' + typedAt.size() % 26));
        typedAt.push_back(clock.elapsed());
    });
    QTimer sampler;
    sampler.setTimerType(Qt::PreciseTimer);
    sampler.setInterval(5);
    QObject::connect(&sampler, &QTimer::timeout, [&] {
        const std::optional<tg::Draft> onDisk = reader.draft(id);
        const size_t saved = onDisk ? size_t(onDisk->body.size()) : 0;
        const double age = saved < typedAt.size() ? double(clock.elapsed() - typedAt[saved]) : 0.0;
        ages.push_back(age);
    });
    typer.start();
    sampler.start();
    QTest::qWait(typeForMs);
    typer.stop();
    sampler.stop();
    run.typed = int(typedAt.size());
    run.samples = int(ages.size());
    if (!ages.empty()) {
        run.worstMs = *std::max_element(ages.begin(), ages.end());
        std::sort(ages.begin(), ages.end());
        run.medianMs = ages[ages.size() / 2];
    }
    return run;
}

} // namespace

int main(int argc, char **argv)
{
    tg::test::applyHeadlessDefaults();
    QApplication app(argc, argv);
    QTextStream out(stdout);
    const int typeForMs = 6000;
    out << "continuous typing for " << typeForMs << " ms; max-wait " << tg::DraftSession::MaxWaitMs
        << " ms, promise " << tg::DraftSession::MaxUnsavedMs << " ms\n";
    for (const int keyEveryMs : {10, 50}) {
        for (const int autosaveMs : {1000, 2000}) {
            const Run r = measure(keyEveryMs, autosaveMs, typeForMs);
            out << "key every " << keyEveryMs << " ms, autosave " << autosaveMs
                << " ms: worst age of unsaved text " << r.worstMs << " ms, median " << r.medianMs
                << " ms (" << r.typed << " keys, " << r.samples << " samples)\n";
            out.flush();
        }
    }
    return 0;
}
