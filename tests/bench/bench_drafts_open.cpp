// SPDX-License-Identifier: MIT
// What the start-up checks of the drafts database cost: opening a database of N drafts of 4 KB
// (read-only probe with PRAGMA quick_check, then the schema check), and recovering the drafts of
// the same database after one page was overwritten.
#include "storage/draftdatabase.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>

namespace {

QString makeDatabase(const QTemporaryDir &dir, const QString &name, int drafts)
{
    const QString path = dir.filePath(name);
    tg::DraftDatabase db;
    db.open(path);
    QList<tg::Draft> batch;
    for (int i = 0; i < drafts; ++i) {
        tg::Draft d = tg::Draft::create();
        d.title = QStringLiteral("Draft %1").arg(i);
        d.body = QString(4000, QLatin1Char('a' + i % 26));
        batch.append(d);
    }
    db.saveDrafts(batch);
    return path;
}

void BM_OpenWithIntegrityCheck(benchmark::State &state)
{
    QTemporaryDir dir;
    const QString path = makeDatabase(dir, QStringLiteral("drafts.sqlite"), int(state.range(0)));
    for (auto _ : state) {
        tg::DraftDatabase db;
        if (!db.open(path))
            state.SkipWithError("open failed");
    }
    state.counters["bytes"] = double(QFile(path).size());
}
BENCHMARK(BM_OpenWithIntegrityCheck)
    ->Arg(100)
    ->Arg(1000)
    ->Arg(10000)
    ->Unit(benchmark::kMillisecond);

void BM_RecoverDamaged(benchmark::State &state)
{
    QTemporaryDir dir;
    const QString pristine =
        makeDatabase(dir, QStringLiteral("pristine.sqlite"), int(state.range(0)));
    const QString path = dir.filePath(QStringLiteral("drafts.sqlite"));
    int n = 0;
    for (auto _ : state) {
        state.PauseTiming();
        for (const QString &f : QDir(dir.path()).entryList({QStringLiteral("drafts.sqlite*")}))
            QFile::remove(dir.filePath(f));
        QFile::copy(pristine, path);
        QFile f(path);
        f.open(QIODevice::ReadWrite);
        f.seek(f.size() / 2 / 4096 * 4096);
        f.write(QByteArray(4096, '\x5a'));
        f.close();
        state.ResumeTiming();
        const tg::DraftDatabase::Recovery r =
            tg::DraftDatabase::recover(path, QDateTime::currentDateTime().addSecs(++n));
        if (!r.ok)
            state.SkipWithError("recovery failed");
        state.counters["recovered"] = r.copied.drafts;
    }
}
BENCHMARK(BM_RecoverDamaged)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
