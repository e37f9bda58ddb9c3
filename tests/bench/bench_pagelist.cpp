// SPDX-License-Identifier: MIT
// The page list with 10,000 cached pages: time until the first rows show from the cache, time
// to load every row, and the memory the loaded model holds compared with an empty one.
#include "pages/pagecache.h"
#include "pages/pagelistmodel.h"

#include <QCoreApplication>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include <memory>

namespace {

constexpr int PageCount = 10000;

/// Heap bytes in use (glibc); unlike the resident set size it does not hide memory that
/// malloc keeps for reuse after an earlier benchmark freed it.
qint64 heapInUse()
{
#if defined(__GLIBC__)
    return qint64(mallinfo2().uordblks);
#else
    return 0;
#endif
}

/// A cache file with 10,000 pages of realistic field sizes, built once.
struct Fixture
{
    QTemporaryDir dir;
    tg::PageCache cache;

    Fixture()
    {
        cache.open(dir.filePath(tg::PageCache::defaultFileName()));
        QList<tg::Page> batch;
        for (int i = 0; i < PageCount; ++i) {
            tg::Page p;
            p.title = QStringLiteral("A page title of ordinary length, number %1").arg(i);
            p.path = QStringLiteral("A-page-title-of-ordinary-length-number-%1-11-25").arg(i);
            p.url = QStringLiteral("https://telegra.ph/") + p.path;
            p.description = QStringLiteral("The first words of the article, as Telegraph fills "
                                           "the description from the start of the text %1")
                                .arg(i);
            p.authorName = QStringLiteral("Author Name");
            p.views = i * 7 % 1000;
            batch.append(p);
            if (batch.size() == 200) {
                cache.storePages(QStringLiteral("acc"), i + 1 - 200, batch, PageCount);
                batch.clear();
            }
        }
    }
};

Fixture &fixture()
{
    static Fixture f;
    return f;
}

void BM_FirstRowsFromCache(benchmark::State &state)
{
    Fixture &f = fixture();
    for (auto _ : state) {
        tg::PageListModel model(&f.cache, nullptr);
        model.setAccount(QStringLiteral("acc"));
        benchmark::DoNotOptimize(model.rowCount());
    }
    state.SetLabel("first chunk of 500 rows of 10,000");
}
BENCHMARK(BM_FirstRowsFromCache)->Unit(benchmark::kMillisecond);

void BM_LoadAll10000(benchmark::State &state)
{
    Fixture &f = fixture();
    for (auto _ : state) {
        tg::PageListModel model(&f.cache, nullptr);
        model.setAccount(QStringLiteral("acc"));
        model.loadAllCached();
        if (model.rowCount() != PageCount)
            state.SkipWithError("not every row loaded");
    }
}
BENCHMARK(BM_LoadAll10000)->Unit(benchmark::kMillisecond);

void BM_MemoryOf10000Rows(benchmark::State &state)
{
    Fixture &f = fixture();
    qint64 delta = 0;
    for (auto _ : state) {
        auto empty = std::make_unique<tg::PageListModel>(&f.cache, nullptr);
        const qint64 before = heapInUse();
        auto full = std::make_unique<tg::PageListModel>(&f.cache, nullptr);
        full->setAccount(QStringLiteral("acc"));
        full->loadAllCached();
        delta = heapInUse() - before;
        benchmark::DoNotOptimize(full->rowCount());
    }
    state.counters["heap_delta_MB"] = double(delta) / (1024.0 * 1024.0);
}
BENCHMARK(BM_MemoryOf10000Rows)->Iterations(1)->Unit(benchmark::kMillisecond);

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    fixture(); // build the cache outside the measurements
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
