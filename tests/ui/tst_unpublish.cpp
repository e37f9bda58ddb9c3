// SPDX-License-Identifier: MIT
// Unpublishing a page (its content replaced with a notice, the old content kept as a local
// revision) and publishing it back, against the in-process sandbox and a real drafts database.
#include "../pages/sandboxseed.h"
#include "api/apitypes.h"
#include "api/pagejob.h"
#include "api/telegraphclient.h"
#include "content/node.h"
#include "pages/unpublishdialog.h"
#include "sandboxfixture.h"
#include "storage/draftstore.h"
#include "testdata.h"
#include "testmain.h"
#include "workflow/unpublishflow.h"

#include <QApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace tg;

class TestUnpublish : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void unpublish_replacesContent_keepsItAsRevision_andRestoreBringsItBack();
    void unpublish_keepsTheTextOfAnExistingDraft();
    void unpublish_badInput_isRefusedWithoutTouchingAnything();
    void unpublish_unknownPage_failsAndCreatesNothing();
    void unpublish_invalidToken_failsAndPageUnchanged();
    void unpublish_serverFailureOnEdit_keepsPageAndRevision();
    void unpublish_whileBusy_isRefused();
    void restore_unknownRevision_isRefused();
    void dialog_requiresANotice();

private:
    /// Creates the rich fixture page; returns its path.
    QString createFixturePage();
    Page fetch(const QString &path);
    bool waitFor(QSignalSpy &spy) { return spy.count() > 0 || spy.wait(15000); }
    /// The result the flow ended with (waits for it).
    PublishResult resultOf(QSignalSpy &spy)
    {
        return waitFor(spy) ? spy.last().first().value<PublishResult>() : PublishResult();
    }

    std::unique_ptr<test::SandboxFixture> m_sandbox;
    QString m_token;
    QByteArray m_fixtureContent;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<TelegraphClient> m_client;
    std::unique_ptr<DraftStore> m_drafts;
};

void TestUnpublish::initTestCase()
{
    m_sandbox = std::make_unique<test::SandboxFixture>();
    QVERIFY2(m_sandbox->start(), qPrintable(m_sandbox->errorString()));
    m_token = test::seedSandboxAccount(m_sandbox->server(), QStringLiteral("unpublish"));
    QVERIFY(!m_token.isEmpty());
    const QJsonDocument page =
        QJsonDocument::fromJson(test::readData(QStringLiteral("fixtures/web-editor-page.json")));
    m_fixtureContent = QJsonDocument(page.object().value(QStringLiteral("content")).toArray())
                           .toJson(QJsonDocument::Compact);
    QVERIFY(nodesFromJson(m_fixtureContent).ok());
}

void TestUnpublish::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    ClientSettings s;
    s.apiUrl = m_sandbox->url();
    s.proxy.mode = ProxySettings::Mode::None;
    s.timeoutMs = 10000;
    m_client = std::make_unique<TelegraphClient>(s);
    m_client->setAccessToken(m_token);
    m_drafts = std::make_unique<DraftStore>();
    QVERIFY(m_drafts->open(m_dir->filePath(QStringLiteral("drafts.sqlite"))));
}

void TestUnpublish::cleanup()
{
    m_sandbox->server()->setFaults(sandbox::FaultSettings());
    m_drafts.reset();
    m_client.reset();
    m_dir.reset();
}

QString TestUnpublish::createFixturePage()
{
    return test::seedSandboxPage(m_sandbox->server(), m_token,
                                 QStringLiteral("Путешествие по пустыне"), m_fixtureContent);
}

Page TestUnpublish::fetch(const QString &path)
{
    GetPageRequest req;
    req.path = path;
    req.returnContent = true;
    PageJob *job = m_client->getPage(req);
    QSignalSpy done(job, &ApiJob::finished);
    done.wait(10000);
    const Page page = job->page();
    delete job;
    return page;
}

void TestUnpublish::unpublish_replacesContent_keepsItAsRevision_andRestoreBringsItBack()
{
    const QString path = createFixturePage();
    QVERIFY(!path.isEmpty());
    const Page before = fetch(path);
    QCOMPARE(toJson(before.content), toJson(nodesFromJson(m_fixtureContent).nodes));

    UnpublishFlow u(m_client.get(), m_drafts.get());
    QSignalSpy done(&u, &PublishFlow::finished);
    QVERIFY(u.unpublish(path, QStringLiteral("  Moved to my new blog.  ")));
    const PublishResult unpublished = resultOf(done);
    QVERIFY2(unpublished.ok, qPrintable(unpublished.message));
    QCOMPARE(unpublished.kind, PublishResult::Kind::Unpublish);
    QCOMPARE(unpublished.path, path);
    const QString draftId = unpublished.draftId;
    const qint64 revisionId = unpublished.revisionId;

    // The page shows only the notice; title and author stay.
    const Page after = fetch(path);
    QCOMPARE(after.content.size(), 1);
    QCOMPARE(toJson(after.content),
             QByteArray("[{\"tag\":\"p\",\"children\":[\"Moved to my new blog.\"]}]"));
    QCOMPARE(after.title, before.title);

    // The old content is a revision of a draft linked to the page, byte for byte.
    const std::optional<Draft> draft = m_drafts->draft(draftId);
    QVERIFY(draft);
    QCOMPARE(draft->pagePath, path);
    QCOMPARE(draft->title, before.title);
    const std::optional<Revision> revision = m_drafts->revision(revisionId);
    QVERIFY(revision);
    QCOMPARE(revision->draftId, draftId);
    QCOMPARE(revision->contentJson, toJson(before.content));
    QCOMPARE(draft->format, DraftFormat::Markdown); // the fixture round-trips
    QCOMPARE(revision->body, draft->body);

    // Publishing it back restores exactly the former content.
    done.clear();
    QVERIFY(u.restore(revisionId));
    const PublishResult restored = resultOf(done);
    QVERIFY2(restored.ok, qPrintable(restored.message));
    QCOMPARE(restored.kind, PublishResult::Kind::Restore);
    QCOMPARE(toJson(fetch(path).content), toJson(before.content));
    QVERIFY(m_drafts->revision(revisionId)); // the revision stays
}

void TestUnpublish::unpublish_keepsTheTextOfAnExistingDraft()
{
    const QString path = createFixturePage();
    Draft mine = Draft::create();
    mine.title = QStringLiteral("My working copy");
    mine.body = QStringLiteral("Edits not yet published.");
    mine.pagePath = path;
    m_drafts->save(mine);
    m_drafts->flush();

    UnpublishFlow u(m_client.get(), m_drafts.get());
    QSignalSpy done(&u, &PublishFlow::finished);
    QVERIFY(u.unpublish(path, UnpublishFlow::defaultNotice()));
    const PublishResult r = resultOf(done);
    QVERIFY2(r.ok, qPrintable(r.message));
    QCOMPARE(r.draftId, mine.id);
    QCOMPARE(m_drafts->draft(mine.id)->body, QStringLiteral("Edits not yet published."));
    QCOMPARE(m_drafts->drafts().size(), 1); // no second draft
    const QList<Revision> revisions = m_drafts->revisions(mine.id);
    QCOMPARE(revisions.size(), 1);
    QCOMPARE(revisions.first().contentJson, toJson(nodesFromJson(m_fixtureContent).nodes));
}

void TestUnpublish::unpublish_badInput_isRefusedWithoutTouchingAnything()
{
    const QString path = createFixturePage();
    UnpublishFlow u(m_client.get(), m_drafts.get());
    QSignalSpy failed(&u, &PublishFlow::finished);
    // Refused at once: finished() comes before unpublish() returns.
    u.unpublish(path, QStringLiteral("   \n "));
    QCOMPARE(failed.count(), 1);
    QVERIFY(
        failed.last().first().value<PublishResult>().message.contains(QStringLiteral("notice")));
    u.unpublish(path, QString(UnpublishFlow::MaxNoticeLength + 1, QLatin1Char('x')));
    QCOMPARE(failed.count(), 2);
    QVERIFY(failed.last().first().value<PublishResult>().message.contains(
        QStringLiteral("characters")));
    u.unpublish(QString(), QStringLiteral("Gone."));
    QCOMPARE(failed.count(), 3);
    for (const QList<QVariant> &f : std::as_const(failed))
        QCOMPARE(f.first().value<PublishResult>().error.category, ApiError::Category::Validation);
    QVERIFY(!u.isBusy());
    QVERIFY(m_drafts->drafts().isEmpty());
    QCOMPARE(toJson(fetch(path).content), toJson(nodesFromJson(m_fixtureContent).nodes));
}

void TestUnpublish::unpublish_unknownPage_failsAndCreatesNothing()
{
    UnpublishFlow u(m_client.get(), m_drafts.get());
    QSignalSpy failed(&u, &PublishFlow::finished);
    QVERIFY(u.unpublish(QStringLiteral("No-Such-Page-01-01"), QStringLiteral("Gone.")));
    const PublishResult r = resultOf(failed);
    QVERIFY(!r.ok);
    const QString message = r.message;
    QVERIFY2(message.contains(QStringLiteral("no such page")), qPrintable(message));
    QVERIFY(message.contains(QStringLiteral("unchanged")));
    QVERIFY(m_drafts->drafts().isEmpty());
}

void TestUnpublish::unpublish_invalidToken_failsAndPageUnchanged()
{
    const QString path = createFixturePage();
    m_client->setAccessToken(
        QStringLiteral("0123456789abcdef0123456789abcdef0123456789abcdef01234567"));
    UnpublishFlow u(m_client.get(), m_drafts.get());
    QSignalSpy failed(&u, &PublishFlow::finished);
    QVERIFY(u.unpublish(path, QStringLiteral("Gone.")));
    const PublishResult r = resultOf(failed);
    QVERIFY(!r.ok);
    QCOMPARE(r.error.category, ApiError::Category::Api);
    QVERIFY2(r.message.contains(QStringLiteral("unchanged")), qPrintable(r.message));
    m_client->setAccessToken(m_token);
    QCOMPARE(toJson(fetch(path).content), toJson(nodesFromJson(m_fixtureContent).nodes));
}

void TestUnpublish::unpublish_serverFailureOnEdit_keepsPageAndRevision()
{
    const QString path = createFixturePage();
    UnpublishFlow u(m_client.get(), m_drafts.get());
    QSignalSpy failed(&u, &PublishFlow::finished);
    // Reading works; every save fails on the server (after the client's own retries).
    sandbox::FaultSettings faults;
    faults.pageSaveFailedRate = 1.0;
    m_sandbox->server()->setFaults(faults);
    QVERIFY(u.unpublish(path, QStringLiteral("Gone.")));
    QTRY_VERIFY_WITH_TIMEOUT(failed.count() > 0, 60000);
    QVERIFY(!failed.first().first().value<PublishResult>().ok);
    const QString message = failed.first().first().value<PublishResult>().message;
    QVERIFY2(message.contains(QStringLiteral("unchanged")), qPrintable(message));
    m_sandbox->server()->setFaults(sandbox::FaultSettings());
    QCOMPARE(toJson(fetch(path).content), toJson(nodesFromJson(m_fixtureContent).nodes));
    const QList<Draft> drafts = m_drafts->drafts();
    QCOMPARE(drafts.size(), 1);
    QCOMPARE(m_drafts->revisions(drafts.first().id).size(), 1);
}

void TestUnpublish::unpublish_whileBusy_isRefused()
{
    const QString path = createFixturePage();
    UnpublishFlow u(m_client.get(), m_drafts.get());
    QSignalSpy done(&u, &PublishFlow::finished);
    QVERIFY(u.unpublish(path, QStringLiteral("Gone.")));
    QVERIFY(u.isBusy());
    QVERIFY(!u.unpublish(path, QStringLiteral("Gone twice.")));
    QVERIFY(!u.restore(1));
    const PublishResult r = resultOf(done);
    QVERIFY2(r.ok, qPrintable(r.message));
    QCOMPARE(done.count(), 1); // the refused starts end nothing
    QCOMPARE(toJson(fetch(path).content), QByteArray("[{\"tag\":\"p\",\"children\":[\"Gone.\"]}]"));
}

void TestUnpublish::restore_unknownRevision_isRefused()
{
    UnpublishFlow u(m_client.get(), m_drafts.get());
    QSignalSpy failed(&u, &PublishFlow::finished);
    u.restore(987654);
    QCOMPARE(failed.count(), 1);
    const PublishResult r = failed.first().first().value<PublishResult>();
    QVERIFY(!r.ok);
    QCOMPARE(r.kind, PublishResult::Kind::Restore);
    QVERIFY(r.message.contains(QStringLiteral("987654")));
}

void TestUnpublish::dialog_requiresANotice()
{
    Page page;
    page.path = QStringLiteral("Field-notes-11-25");
    page.url = QStringLiteral("https://telegra.ph/Field-notes-11-25");
    page.title = QStringLiteral("Field <notes>");
    UnpublishDialog dialog(page);
    QCOMPARE(dialog.notice(), UnpublishFlow::defaultNotice());
    QVERIFY(dialog.unpublishButton()->isEnabled());
    dialog.noticeEdit()->setPlainText(QStringLiteral("  \n"));
    QVERIFY(!dialog.unpublishButton()->isEnabled());
    dialog.noticeEdit()->setPlainText(QStringLiteral(" Moved. "));
    QVERIFY(dialog.unpublishButton()->isEnabled());
    QCOMPARE(dialog.notice(), QStringLiteral("Moved."));
    QVERIFY(!dialog.noticeEdit()->accessibleName().isEmpty());
}

int main(int argc, char **argv)
{
    tg::test::applyHeadlessDefaults();
    QApplication app(argc, argv);
    TestUnpublish tc;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&tc, argc, argv);
}

#include "tst_unpublish.moc"
