// SPDX-License-Identifier: MIT
// Publishing as a series: splitting at headings and paragraphs under the page limit with the
// navigation included, and creating then updating the same pages on the in-process sandbox.
#include "api/accountjob.h"
#include "api/apirequests.h"
#include "api/pagejob.h"
#include "api/telegraphclient.h"
#include "content/validation.h"
#include "sandboxfixture.h"
#include "testmain.h"
#include "workflow/seriesflow.h"
#include "workflow/seriessplitter.h"

#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>

using namespace tg;

namespace {

Node para(qsizetype bytes, QChar fill = QLatin1Char('a'))
{
    return Node::element(QStringLiteral("p"), {}, {Node::text(QString(bytes, fill))});
}

Node heading(const QString &tag, const QString &text)
{
    return Node::element(tag, {}, {Node::text(text)});
}

// Sections of `count` headings each followed by `paras` paragraphs of `bytes` bytes.
NodeList document(int count, int paras, qsizetype bytes, const QString &tag)
{
    NodeList out;
    for (int s = 0; s < count; ++s) {
        out.append(heading(tag, QStringLiteral("Section %1").arg(s + 1)));
        for (int p = 0; p < paras; ++p)
            out.append(para(bytes));
    }
    return out;
}

QString longUrl()
{
    return QStringLiteral("https://telegra.ph/") + QString(400, QLatin1Char('z'));
}

} // namespace

class TestSeries : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void split_data()
    {
        QTest::addColumn<NodeList>("content");
        QTest::addColumn<qsizetype>("limit");
        QTest::addColumn<int>("expectedParts"); // -1: only check the invariants
        QTest::addColumn<bool>("partsStartAtHeadings");

        QTest::newRow("fits in one part")
            << document(3, 2, 100, QStringLiteral("h3")) << qsizetype(MaxContentBytes) << 1 << true;
        QTest::newRow("h3 sections over the limit") << document(10, 4, 4000, QStringLiteral("h3"))
                                                    << qsizetype(MaxContentBytes) << 4 << true;
        QTest::newRow("h4 sections over the limit") << document(10, 4, 4000, QStringLiteral("h4"))
                                                    << qsizetype(MaxContentBytes) << 4 << true;
        QTest::newRow("small limit, one section per part")
            << document(4, 2, 1000, QStringLiteral("h3")) << qsizetype(4500) << 4 << true;
        QTest::newRow("one oversize section split at paragraphs")
            << document(1, 40, 4000, QStringLiteral("h3")) << qsizetype(MaxContentBytes) << -1
            << false;
        QTest::newRow("no headings at all")
            << NodeList(60, para(3000)) << qsizetype(MaxContentBytes) << -1 << false;
        QTest::newRow("multi-byte text")
            << NodeList(30, para(3000, QChar(0x00e9))) << qsizetype(MaxContentBytes) << -1 << false;
    }

    void split()
    {
        QFETCH(NodeList, content);
        QFETCH(qsizetype, limit);
        QFETCH(int, expectedParts);
        QFETCH(bool, partsStartAtHeadings);
        const SeriesSplitter::Result r = SeriesSplitter::split(content, limit);
        QVERIFY2(r.ok(), qPrintable(r.error));
        if (expectedParts >= 0)
            QCOMPARE(r.parts.size(), expectedParts);
        else
            QVERIFY(r.parts.size() >= 2);
        NodeList joined;
        for (qsizetype i = 0; i < r.parts.size(); ++i) {
            const NodeList &part = r.parts[i];
            QVERIFY(!part.isEmpty());
            // Navigation included, with long URLs, every part stays within the limit.
            const NodeList full =
                SeriesSplitter::withNavigation(part, longUrl(), longUrl(), longUrl());
            QVERIFY2(jsonSize(full) <= limit, qPrintable(QString::number(jsonSize(full))));
            if (partsStartAtHeadings) {
                QVERIFY(part.first().tag() == QLatin1String("h3") ||
                        part.first().tag() == QLatin1String("h4"));
            }
            joined.append(part);
        }
        // Nothing lost, nothing reordered.
        QCOMPARE(toJson(joined), toJson(content));
    }

    void split_blockLargerThanAPage_isRefused()
    {
        const SeriesSplitter::Result r = SeriesSplitter::split(
            {heading(QStringLiteral("h3"), QStringLiteral("x")), para(MaxContentBytes)});
        QVERIFY(!r.ok());
        QVERIFY(r.parts.isEmpty());
    }

    void split_empty_givesNoParts()
    {
        const SeriesSplitter::Result r = SeriesSplitter::split({});
        QVERIFY(r.ok());
        QVERIFY(r.parts.isEmpty());
    }

    void withNavigation_linksOnlyWhatExists()
    {
        const NodeList first =
            SeriesSplitter::withNavigation({para(5)}, QStringLiteral("I"), {}, QStringLiteral("N"));
        const QByteArray json = toJson(first);
        QVERIFY(json.contains("\"href\":\"I\""));
        QVERIFY(json.contains("\"href\":\"N\""));
        QCOMPARE(json.count("\"href\""), 2);
        QCOMPARE(SeriesSplitter::withNavigation({para(5)}, {}, {}, {}).size(), 1);
    }

    void publish_thenUpdate_editsTheSamePages()
    {
        test::SandboxFixture sandbox;
        QVERIFY(sandbox.start());
        ClientSettings cs;
        cs.apiUrl = sandbox.url();
        cs.timeoutMs = 10000;
        TelegraphClient client(cs);
        CreateAccountRequest acc;
        acc.shortName = QStringLiteral("Series");
        AccountJob *job = client.createAccount(acc);
        QSignalSpy created(job, &ApiJob::finished);
        QVERIFY(created.wait(10000));
        QVERIFY(job->isSucceeded());

        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
        SeriesFlow publisher(&client, &settings, nullptr);
        Draft draft = Draft::create();
        draft.title = QStringLiteral("Long read");
        QSignalSpy done(&publisher, &PublishFlow::finished);
        QVERIFY(publisher.publish(draft, document(10, 4, 4000, QStringLiteral("h3"))));
        QVERIFY(!publisher.publish(draft, document(1, 1, 10, QStringLiteral("h3")))); // busy
        QVERIFY(done.wait(30000));
        PublishResult result = done.first().first().value<PublishResult>();
        QVERIFY2(result.ok, qPrintable(result.message));
        const SeriesRecord first = publisher.record();
        QCOMPARE(result.series.partPaths, first.partPaths);
        QCOMPARE(first.partPaths.size(), 4); // three ~16 KB sections per part: 3+3+3+1
        QVERIFY(!first.indexPath.isEmpty());
        // The flow kept the pages for the draft.
        QCOMPARE(SeriesRecord::load(settings, draft.id).partPaths, first.partPaths);

        // Part 2 links to the index, part 1 and part 3; the index links every part.
        GetPageRequest get;
        get.path = first.partPaths[1];
        get.returnContent = true;
        PageJob *page = client.getPage(get);
        QSignalSpy got(page, &ApiJob::finished);
        QVERIFY(got.wait(10000));
        QVERIFY(page->isSucceeded());
        const QByteArray json = toJson(page->page().content);
        QVERIFY(json.contains(first.partUrls[0].toUtf8()));
        QVERIFY(json.contains(first.partUrls[2].toUtf8()));
        QVERIFY(json.contains(first.indexUrl.toUtf8()));
        QVERIFY(jsonSize(page->page().content) <= MaxContentBytes);
        get.path = first.indexPath;
        PageJob *index = client.getPage(get);
        QSignalSpy gotIndex(index, &ApiJob::finished);
        QVERIFY(gotIndex.wait(10000));
        for (const QString &url : first.partUrls)
            QVERIFY(toJson(index->page().content).contains(url.toUtf8()));

        // A later update one part shorter edits the same pages (the last one now points to the
        // contents).
        done.clear();
        QVERIFY(publisher.publish(draft, document(9, 4, 4000, QStringLiteral("h3"))));
        QVERIFY(done.wait(30000));
        result = done.first().first().value<PublishResult>();
        QVERIFY2(result.ok, qPrintable(result.message));
        QCOMPARE(publisher.record().indexPath, first.indexPath);
        QCOMPARE(publisher.record().partPaths, first.partPaths.mid(0, 3));
    }

    void publish_floodWaitMidRun_waitsAndGoesOn()
    {
        sandbox::ServerSettings ss;
        ss.flood.burst = 4; // the fifth write in a row must wait a second
        ss.flood.intervalSec = 1.0;
        test::SandboxFixture sandbox(ss);
        QVERIFY(sandbox.start());
        ClientSettings cs;
        cs.apiUrl = sandbox.url();
        cs.timeoutMs = 10000;
        cs.flood = PublishFlow::appFloodPolicy(); // as in the app: the client waits it out
        TelegraphClient client(cs);
        CreateAccountRequest acc;
        acc.shortName = QStringLiteral("Flooded");
        AccountJob *job = client.createAccount(acc);
        QSignalSpy created(job, &ApiJob::finished);
        QVERIFY(created.wait(10000));
        QVERIFY(job->isSucceeded());

        SeriesFlow publisher(&client, nullptr, nullptr);
        Draft draft = Draft::create();
        draft.title = QStringLiteral("Under flood control");
        QSignalSpy waits(&publisher, &PublishFlow::floodCountdown);
        QSignalSpy done(&publisher, &PublishFlow::finished);
        QVERIFY(publisher.publish(draft, document(10, 4, 4000, QStringLiteral("h3"))));
        QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, 60000);
        const PublishResult result = done.first().first().value<PublishResult>();
        QVERIFY2(result.ok, qPrintable(result.message));
        QVERIFY(waits.count() > 0); // it did wait, and then finished the whole series
        QCOMPARE(publisher.record().partPaths.size(), 4);
        QVERIFY(!publisher.record().indexPath.isEmpty());
    }

    void publish_withoutAccount_fails()
    {
        test::SandboxFixture sandbox;
        QVERIFY(sandbox.start());
        ClientSettings cs;
        cs.apiUrl = sandbox.url();
        TelegraphClient client(cs);
        SeriesFlow publisher(&client, nullptr, nullptr);
        Draft draft = Draft::create();
        draft.title = QStringLiteral("No token");
        QSignalSpy done(&publisher, &PublishFlow::finished);
        QVERIFY(publisher.publish(draft, document(2, 1, 100, QStringLiteral("h3"))));
        QVERIFY(done.wait(10000));
        const PublishResult result = done.first().first().value<PublishResult>();
        QVERIFY(!result.ok);
        QVERIFY(!result.message.isEmpty());
        QVERIFY(!publisher.isBusy());
    }
};

TG_TEST_MAIN_CORE(TestSeries)

#include "tst_series.moc"
