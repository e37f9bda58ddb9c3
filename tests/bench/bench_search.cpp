// SPDX-License-Identifier: MIT
// What Find Everywhere costs on the drafts database: indexing 2000 drafts of 400 words as they
// are saved, building the index of an existing database (the 3 → 4 schema step), one save of a
// draft among 2000 indexed ones, and queries as the writer types them.
#include "storage/draftdatabase.h"
#include "storage/draftsearch.h"
#include "storage/searchquery.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>

namespace {

QList<tg::Draft> makeDrafts(int count)
{
    const QStringList vocabulary =
        QStringLiteral("river stone light morning harbour winter letter garden window paper "
                       "bridge station forest silver engine market candle lantern orchard")
            .split(QLatin1Char(' '));
    QList<tg::Draft> out;
    for (int i = 0; i < count; ++i) {
        tg::Draft d = tg::Draft::create();
        d.title = QStringLiteral("Draft %1").arg(i);
        QString body;
        for (int w = 0; w < 400; ++w)
            body += vocabulary.at((i * 7 + w * 13) % vocabulary.size()) + QLatin1Char(' ');
        d.body = body + QStringLiteral("unique%1").arg(i);
        out.append(d);
    }
    return out;
}

void BM_IndexWhileSaving(benchmark::State &state)
{
    const QList<tg::Draft> drafts = makeDrafts(int(state.range(0)));
    for (auto _ : state) {
        state.PauseTiming();
        QTemporaryDir dir;
        tg::DraftDatabase db;
        db.open(dir.filePath(QStringLiteral("drafts.sqlite")));
        state.ResumeTiming();
        if (!db.saveDrafts(drafts))
            state.SkipWithError("save failed");
    }
}
BENCHMARK(BM_IndexWhileSaving)->Arg(2000)->Unit(benchmark::kMillisecond);

void BM_BuildIndexOfExistingDrafts(benchmark::State &state)
{
    const QList<tg::Draft> drafts = makeDrafts(int(state.range(0)));
    for (auto _ : state) {
        state.PauseTiming();
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("drafts.sqlite"));
        {
            tg::DraftDatabase::setFts5DisabledForTesting(true);
            tg::DraftDatabase db;
            db.open(path);
            db.saveDrafts(drafts);
            tg::DraftDatabase::setFts5DisabledForTesting(false);
        }
        state.ResumeTiming();
        tg::DraftDatabase db;
        if (!db.open(path) || !db.searchAvailable())
            state.SkipWithError("open failed");
    }
}
BENCHMARK(BM_BuildIndexOfExistingDrafts)->Arg(2000)->Unit(benchmark::kMillisecond);

void BM_SaveOneAmongIndexed(benchmark::State &state)
{
    QTemporaryDir dir;
    tg::DraftDatabase db;
    db.open(dir.filePath(QStringLiteral("drafts.sqlite")));
    QList<tg::Draft> drafts = makeDrafts(int(state.range(0)));
    db.saveDrafts(drafts);
    tg::Draft d = drafts.at(drafts.size() / 2);
    int n = 0;
    for (auto _ : state) {
        d.body += QStringLiteral(" word%1").arg(++n);
        if (!db.saveDraft(d))
            state.SkipWithError("save failed");
    }
}
BENCHMARK(BM_SaveOneAmongIndexed)->Arg(2000)->Unit(benchmark::kMicrosecond);

void BM_Query(benchmark::State &state, const char *typed)
{
    static QTemporaryDir dir;
    static tg::DraftDatabase *db = [] {
        auto *out = new tg::DraftDatabase;
        out->open(dir.filePath(QStringLiteral("query.sqlite")));
        out->saveDrafts(makeDrafts(2000));
        return out;
    }();
    const QString match = tg::SearchQuery::matchExpression(QString::fromUtf8(typed));
    const QSqlDatabase conn = QSqlDatabase::database(db->connectionName());
    qsizetype hits = 0;
    for (auto _ : state) {
        QList<tg::SearchHit> found;
        if (!tg::DraftSearch::search(conn, match, 30, &found))
            state.SkipWithError("query failed");
        hits = found.size();
    }
    state.counters["hits"] = double(hits);
}
BENCHMARK_CAPTURE(BM_Query, rare_word, "unique1234")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Query, common_word, "harbour ")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Query, one_letter_prefix, "h")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Query, two_words_prefix, "harbour win")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Query, no_match, "zebra")->Unit(benchmark::kMillisecond);

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
