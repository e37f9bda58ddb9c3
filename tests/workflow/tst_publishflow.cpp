// SPDX-License-Identifier: MIT
// The publishing flows against the in-process sandbox and a real drafts database: publish and
// update with their revision, refusal before sending, cancel of a publish, a series and an
// unpublish, and flood waits waited out by the client's scheduler.
#include "../pages/sandboxseed.h"
#include "api/accountjob.h"
#include "api/apirequests.h"
#include "api/pagejob.h"
#include "api/telegraphclient.h"
#include "sandboxfixture.h"
#include "storage/draftstore.h"
#include "testmain.h"
#include "workflow/draftpublishflow.h"
#include "workflow/seriesflow.h"
#include "workflow/unpublishflow.h"

#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>

using namespace tg;

class TestPublishFlow : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::SandboxFixture> m_sandbox;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<TelegraphClient> m_client;
    std::unique_ptr<DraftStore> m_store;
    std::unique_ptr<QSettings> m_settings;
    QString m_token;

    Draft draft(const QString &title, const QString &body)
    {
        Draft d = Draft::create();
        d.title = title;
        d.body = body;
        return d;
    }

    /// The result of the flow the spy listens to (waits for it).
    static PublishResult waitFor(QSignalSpy &spy)
    {
        if (spy.isEmpty() && !spy.wait(60000))
            return {};
        return spy.takeFirst().first().value<PublishResult>();
    }

    Page fetch(const QString &path)
    {
        GetPageRequest req;
        req.path = path;
        req.returnContent = true;
        PageJob *job = m_client->getPage(req);
        QSignalSpy done(job, &ApiJob::finished);
        done.wait(20000);
        const Page page = job->page();
        delete job;
        return page;
    }

    int pageCount()
    {
        PageListJob *job = m_client->getPageList({0, 200, m_token});
        QSignalSpy done(job, &ApiJob::finished);
        done.wait(20000);
        const int n = job->isSucceeded() ? int(job->pageList().totalCount) : -1;
        delete job;
        return n;
    }

    static NodeList longDocument()
    {
        NodeList out;
        for (int s = 0; s < 10; ++s) {
            out.append(Node::element(QStringLiteral("h3"), {},
                                     {Node::text(QStringLiteral("Section %1").arg(s + 1))}));
            for (int p = 0; p < 4; ++p)
                out.append(Node::element(QStringLiteral("p"), {},
                                         {Node::text(QString(4000, QLatin1Char('a')))}));
        }
        return out;
    }

private Q_SLOTS:
    void init()
    {
        m_sandbox = std::make_unique<test::SandboxFixture>();
        QVERIFY2(m_sandbox->start(), qPrintable(m_sandbox->errorString()));
        m_token = test::seedSandboxAccount(m_sandbox->server(), QStringLiteral("flow"));
        QVERIFY(!m_token.isEmpty());
        m_dir = std::make_unique<QTemporaryDir>();
        ClientSettings cs;
        cs.apiUrl = m_sandbox->url();
        cs.timeoutMs = 20000;
        cs.flood = PublishFlow::appFloodPolicy();
        m_client = std::make_unique<TelegraphClient>(cs);
        m_client->setAccessToken(m_token);
        m_store = std::make_unique<DraftStore>();
        QVERIFY(m_store->open(m_dir->filePath(QStringLiteral("drafts.sqlite"))));
        m_settings = std::make_unique<QSettings>(m_dir->filePath(QStringLiteral("s.ini")),
                                                 QSettings::IniFormat);
    }

    void cleanup()
    {
        m_settings.reset();
        m_store.reset();
        m_client.reset();
        m_sandbox.reset();
        m_dir.reset();
    }

    void publish_createsThePage_andRecordsOneRevisionOfWhatTheServerStores()
    {
        DraftPublishFlow flow(m_client.get(), m_store.get());
        QSignalSpy done(&flow, &PublishFlow::finished);
        const Draft d = draft(QStringLiteral("Flow page"), QStringLiteral("Hello **flow**.\n"));
        QVERIFY(flow.publish({d, std::nullopt, false}));
        QVERIFY(!flow.publish({d, std::nullopt, false})); // busy
        const PublishResult r = waitFor(done);
        QVERIFY2(r.ok, qPrintable(r.message));
        QCOMPARE(r.kind, PublishResult::Kind::Publish);
        QVERIFY(!r.path.isEmpty());
        const QList<Revision> revisions = m_store->revisions(d.id);
        QCOMPARE(revisions.size(), 1);
        QCOMPARE(revisions.first().id, r.revisionId);
        QCOMPARE(revisions.first().contentJson, toJson(fetch(r.path).content));
        QCOMPARE(revisions.first().body, d.body);
        QCOMPARE(m_store->draft(d.id)->pagePath, r.path);
        QCOMPARE(m_store->draft(d.id)->pageUrl, r.url);
    }

    void update_editsTheSamePath()
    {
        DraftPublishFlow flow(m_client.get(), m_store.get());
        QSignalSpy done(&flow, &PublishFlow::finished);
        Draft d = draft(QStringLiteral("Updated"), QStringLiteral("first"));
        QVERIFY(flow.publish({d, std::nullopt, false}));
        const PublishResult first = waitFor(done);
        QVERIFY(first.ok);
        d = *m_store->draft(d.id);
        d.body = QStringLiteral("second version");
        QVERIFY(flow.publish({d, std::nullopt, false}));
        const PublishResult second = waitFor(done);
        QVERIFY2(second.ok, qPrintable(second.message));
        QCOMPARE(second.path, first.path);
        QCOMPARE(pageCount(), 1);
        QCOMPARE(fetch(first.path).content.first().plainText(), QStringLiteral("second version"));
        QCOMPARE(m_store->revisions(d.id).size(), 2);
    }

    void invalidContent_isRefusedWithItsReason_andNothingSent()
    {
        DraftPublishFlow flow(m_client.get(), m_store.get());
        QSignalSpy done(&flow, &PublishFlow::finished);
        QSignalSpy progress(&flow, &PublishFlow::progress);
        const Draft d = draft(QString(), QStringLiteral("No title here."));
        QVERIFY(flow.publish({d, std::nullopt, false}));
        const PublishResult r = waitFor(done);
        QVERIFY(!r.ok);
        QCOMPARE(r.error.category, ApiError::Category::Validation);
        QVERIFY2(r.message.startsWith(QLatin1String("Not published:")), qPrintable(r.message));
        QVERIFY2(r.message.contains(QLatin1String("itle")), qPrintable(r.message));
        for (const QList<QVariant> &p : std::as_const(progress))
            QVERIFY(!p.first().toString().startsWith(QLatin1String("Publishing")));
        QCOMPARE(pageCount(), 0);
        QVERIFY(m_store->revisions(d.id).isEmpty());
    }

    void cancel_duringAPublish_endsCancelled_andRecordsNothing()
    {
        sandbox::FaultSettings slow;
        slow.latencyMs = 3000;
        m_sandbox->server()->setFaults(slow);
        DraftPublishFlow flow(m_client.get(), m_store.get());
        QSignalSpy done(&flow, &PublishFlow::finished);
        QSignalSpy progress(&flow, &PublishFlow::progress);
        const Draft d = draft(QStringLiteral("Cancelled"), QStringLiteral("never recorded"));
        QVERIFY(flow.publish({d, std::nullopt, false}));
        // Sent: the request is on its way when "Publishing…" shows.
        QTRY_VERIFY_WITH_TIMEOUT(
            !progress.isEmpty() && progress.last().first().toString() == u"Publishing…", 20000);
        flow.cancel();
        QCOMPARE(done.count(), 1);
        const PublishResult r = waitFor(done);
        QVERIFY(!r.ok);
        QCOMPARE(r.error.category, ApiError::Category::Cancelled);
        QVERIFY(!flow.isBusy());
        QVERIFY(m_store->revisions(d.id).isEmpty());
        QVERIFY(m_store->draft(d.id)->pagePath.isEmpty());
    }

    void cancel_stopsASeries_andTheRecordKeepsWhatExists()
    {
        sandbox::FaultSettings slow;
        slow.latencyMs = 300;
        m_sandbox->server()->setFaults(slow);
        SeriesFlow flow(m_client.get(), m_settings.get(), m_store.get());
        QSignalSpy done(&flow, &PublishFlow::finished);
        const Draft d = draft(QStringLiteral("Long read"), QString());
        QVERIFY(flow.publish(d, longDocument()));
        // Cancelled while part 2 is in flight: the server made it, its answer is still delayed.
        int creates = 0;
        connect(m_sandbox->server(), &sandbox::Server::requestHandled, &flow,
                [&](const QByteArray &, const QByteArray &target) {
                    if (target.startsWith("/createPage") && ++creates == 2)
                        flow.cancel();
                });
        const PublishResult r = waitFor(done);
        QCOMPARE(creates, 2);
        QVERIFY(!r.ok);
        QCOMPARE(r.kind, PublishResult::Kind::Series);
        QCOMPARE(r.error.category, ApiError::Category::Cancelled);
        QCOMPARE(r.series.partPaths.size(), 1);
        QCOMPARE(SeriesRecord::load(*m_settings, d.id).partPaths, r.series.partPaths);
        QVERIFY(r.series.indexPath.isEmpty());
        // No step after the cancel: the two parts are all the server has, not the five pages of
        // the whole series.
        m_sandbox->server()->setFaults(sandbox::FaultSettings());
        QCOMPARE(pageCount(), 2);
        QCOMPARE(creates, 2);
        QVERIFY(!flow.isBusy());
    }

    void cancel_stopsAnUnpublish_andThePageKeepsItsContent()
    {
        const QByteArray content = "[{\"tag\":\"p\",\"children\":[\"Still here.\"]}]";
        const QString path =
            test::seedSandboxPage(m_sandbox->server(), m_token, QStringLiteral("Keep me"), content);
        QVERIFY(!path.isEmpty());
        sandbox::FaultSettings slow;
        slow.latencyMs = 3000;
        m_sandbox->server()->setFaults(slow);
        UnpublishFlow flow(m_client.get(), m_store.get());
        QSignalSpy done(&flow, &PublishFlow::finished);
        QVERIFY(flow.unpublish(path, QStringLiteral("Gone.")));
        QVERIFY(flow.isBusy());
        QVERIFY(!flow.unpublish(path, QStringLiteral("Twice."))); // one at a time
        flow.cancel();
        const PublishResult r = waitFor(done);
        QVERIFY(!r.ok);
        QCOMPARE(r.kind, PublishResult::Kind::Unpublish);
        QCOMPARE(r.error.category, ApiError::Category::Cancelled);
        QVERIFY2(r.message.contains(QLatin1String("unchanged")), qPrintable(r.message));
        m_sandbox->server()->setFaults(sandbox::FaultSettings());
        QCOMPARE(toJson(fetch(path).content), toJson(nodesFromJson(content).nodes));
    }

    void randomTitle_is20Base32Characters_andDiffersEachTime()
    {
        const QString a = DraftPublishFlow::randomTitle();
        const QString b = DraftPublishFlow::randomTitle();
        QCOMPARE(a.size(), 20);
        QVERIFY(a != b);
        for (const QChar c : a)
            QVERIFY2((c >= u'a' && c <= u'z') || (c >= u'2' && c <= u'7'), qPrintable(a));
    }

    void update_isMarkedAsAnUpdate_aFirstPublishIsNot()
    {
        DraftPublishFlow flow(m_client.get(), m_store.get());
        QSignalSpy done(&flow, &PublishFlow::finished);
        Draft d = draft(QStringLiteral("Marked"), QStringLiteral("first"));
        QVERIFY(flow.publish({d, std::nullopt, false}));
        const PublishResult first = waitFor(done);
        QVERIFY2(first.ok, qPrintable(first.message));
        QVERIFY(!first.updated);
        d = *m_store->draft(d.id);
        d.body = QStringLiteral("second");
        QVERIFY(flow.publish({d, std::nullopt, false}));
        const PublishResult second = waitFor(done);
        QVERIFY2(second.ok, qPrintable(second.message));
        QVERIFY(second.updated);
    }

    void privateLink_firstPublish_pathHidesTheTitle_andThePageGetsItsRealTitle()
    {
        DraftPublishFlow flow(m_client.get(), m_store.get());
        QSignalSpy done(&flow, &PublishFlow::finished);
        QSignalSpy created(&flow, &DraftPublishFlow::pageCreated);
        const Draft d = draft(QStringLiteral("Secret Plans"), QStringLiteral("Only for *you*."));
        PublishInput in{d, std::nullopt, false};
        in.privateLink = true;
        QVERIFY(flow.publish(in));
        const PublishResult r = waitFor(done);
        QVERIFY2(r.ok, qPrintable(r.message));
        QVERIFY(!r.updated);
        QVERIFY(!r.titlePending);
        QVERIFY2(!r.path.contains(QLatin1String("Secret"), Qt::CaseInsensitive) &&
                     !r.path.contains(QLatin1String("Plans"), Qt::CaseInsensitive),
                 qPrintable(r.path));
        // The path is made from the random title: 20 characters, then the date.
        QVERIFY2(r.path.size() >= 26, qPrintable(r.path));
        QCOMPARE(created.count(), 1);
        QCOMPARE(created.first().at(1).toString(), r.path);
        const Page page = fetch(r.path);
        QCOMPARE(page.title, QStringLiteral("Secret Plans"));
        QCOMPARE(page.content.first().plainText(), QStringLiteral("Only for you."));
        QCOMPARE(m_store->draft(d.id)->pagePath, r.path);
        QCOMPARE(m_store->draft(d.id)->pageUrl, r.url);
        QCOMPARE(m_store->revisions(d.id).size(), 1);
        QCOMPARE(m_store->revisions(d.id).first().title, QStringLiteral("Secret Plans"));
        QVERIFY(m_store->option(d.id, DraftPublishFlow::titlePendingOption()).isEmpty());
        QCOMPARE(pageCount(), 1);
    }

    void privateLink_failedSecondStep_keepsThePage_andPublishingAgainSetsTheTitle()
    {
        // One write, then a flood wait longer than the app waits out: the title step fails.
        sandbox::FloodSettings flood;
        flood.burst = 1;
        flood.intervalSec = 3600;
        m_sandbox->server()->setFlood(flood);
        DraftPublishFlow flow(m_client.get(), m_store.get());
        QSignalSpy done(&flow, &PublishFlow::finished);
        const Draft d = draft(QStringLiteral("Hidden Party"), QStringLiteral("Saturday."));
        PublishInput in{d, std::nullopt, false};
        in.privateLink = true;
        QVERIFY(flow.publish(in));
        const PublishResult failed = waitFor(done);
        QVERIFY(!failed.ok);
        QVERIFY(failed.titlePending);
        QCOMPARE(failed.error.category, ApiError::Category::FloodWait);
        QVERIFY2(failed.message.contains(QLatin1String("title is not set yet")),
                 qPrintable(failed.message));
        QVERIFY2(failed.message.contains(QLatin1String("Publish again")),
                 qPrintable(failed.message));
        QVERIFY(!failed.path.isEmpty());
        QVERIFY(!failed.url.isEmpty());
        QVERIFY(!failed.path.contains(QLatin1String("Hidden"), Qt::CaseInsensitive));
        QVERIFY(m_store->flush());
        QCOMPARE(m_store->draft(d.id)->pagePath, failed.path);
        QVERIFY(m_store->revisions(d.id).isEmpty());
        QVERIFY(fetch(failed.path).title != QStringLiteral("Hidden Party"));
        QCOMPARE(pageCount(), 1);

        // Again, once the server takes writes: the same page gets its title, no second page.
        m_sandbox->server()->setFlood(sandbox::FloodSettings{0, 1.0});
        PublishInput again{*m_store->draft(d.id), std::nullopt, false};
        again.privateLink = true;
        QVERIFY(flow.publish(again));
        const PublishResult r = waitFor(done);
        QVERIFY2(r.ok, qPrintable(r.message));
        QCOMPARE(r.path, failed.path);
        QVERIFY(!r.updated); // nobody was given the page yet
        QCOMPARE(fetch(r.path).title, QStringLiteral("Hidden Party"));
        QCOMPARE(pageCount(), 1);
        QCOMPARE(m_store->revisions(d.id).size(), 1);
        QVERIFY(m_store->option(d.id, DraftPublishFlow::titlePendingOption()).isEmpty());

        // From now on publishing is an ordinary update.
        QVERIFY(flow.publish(again));
        const PublishResult update = waitFor(done);
        QVERIFY2(update.ok, qPrintable(update.message));
        QVERIFY(update.updated);
        QCOMPARE(pageCount(), 1);
    }

    void privateLink_isIgnoredForAnUpdate()
    {
        DraftPublishFlow flow(m_client.get(), m_store.get());
        QSignalSpy done(&flow, &PublishFlow::finished);
        const Draft d = draft(QStringLiteral("Open Page"), QStringLiteral("public"));
        QVERIFY(flow.publish({d, std::nullopt, false}));
        const PublishResult first = waitFor(done);
        QVERIFY(first.ok);
        QVERIFY2(first.path.startsWith(QLatin1String("Open-Page")), qPrintable(first.path));
        PublishInput in{*m_store->draft(d.id), std::nullopt, false};
        in.privateLink = true;
        QVERIFY(flow.publish(in));
        const PublishResult second = waitFor(done);
        QVERIFY2(second.ok, qPrintable(second.message));
        QCOMPARE(second.path, first.path);
        QVERIFY(second.updated);
        QCOMPARE(pageCount(), 1);
    }

    void floodWait_isWaitedOutByTheClient_withACountdown()
    {
        sandbox::FloodSettings flood;
        flood.burst = 1;
        flood.intervalSec = 2.0;
        m_sandbox->server()->setFlood(flood);
        DraftPublishFlow flow(m_client.get(), m_store.get());
        QSignalSpy done(&flow, &PublishFlow::finished);
        QVERIFY(flow.publish({draft(QStringLiteral("One"), QStringLiteral("one")), {}, false}));
        QVERIFY(waitFor(done).ok);
        QSignalSpy countdown(&flow, &PublishFlow::floodCountdown);
        QVERIFY(flow.publish({draft(QStringLiteral("Two"), QStringLiteral("two")), {}, false}));
        const PublishResult r = waitFor(done);
        QVERIFY2(r.ok, qPrintable(r.message));
        QVERIFY(countdown.count() >= 2);
        QVERIFY(countdown.first().first().toInt() > 0);
        QCOMPARE(countdown.last().first().toInt(), 0);
        QCOMPARE(pageCount(), 2);
    }
};

TG_TEST_MAIN_CORE(TestPublishFlow)

#include "tst_publishflow.moc"
