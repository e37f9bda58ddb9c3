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
#include "workflow/unpublisher.h"

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

    Unpublisher u(m_client.get(), m_drafts.get());
    QSignalSpy done(&u, &Unpublisher::unpublished);
    QSignalSpy failed(&u, &Unpublisher::failed);
    QVERIFY(u.unpublish(path, QStringLiteral("  Moved to my new blog.  ")));
    QVERIFY(waitFor(done));
    QCOMPARE(failed.count(), 0);
    QCOMPARE(done.first().at(0).toString(), path);
    const QString draftId = done.first().at(1).toString();
    const qint64 revisionId = done.first().at(2).toLongLong();

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
    QSignalSpy restored(&u, &Unpublisher::restored);
    QVERIFY(u.restore(revisionId));
    QVERIFY(waitFor(restored));
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

    Unpublisher u(m_client.get(), m_drafts.get());
    QSignalSpy done(&u, &Unpublisher::unpublished);
    QVERIFY(u.unpublish(path, Unpublisher::defaultNotice()));
    QVERIFY(waitFor(done));
    QCOMPARE(done.first().at(1).toString(), mine.id);
    QCOMPARE(m_drafts->draft(mine.id)->body, QStringLiteral("Edits not yet published."));
    QCOMPARE(m_drafts->drafts().size(), 1); // no second draft
    const QList<Revision> revisions = m_drafts->revisions(mine.id);
    QCOMPARE(revisions.size(), 1);
    QCOMPARE(revisions.first().contentJson, toJson(nodesFromJson(m_fixtureContent).nodes));
}

void TestUnpublish::unpublish_badInput_isRefusedWithoutTouchingAnything()
{
    const QString path = createFixturePage();
    Unpublisher u(m_client.get(), m_drafts.get());
    QSignalSpy failed(&u, &Unpublisher::failed);
    QVERIFY(!u.unpublish(path, QStringLiteral("   \n ")));
    QVERIFY(failed.last().first().toString().contains(QStringLiteral("notice")));
    QVERIFY(!u.unpublish(path, QString(Unpublisher::MaxNoticeLength + 1, QLatin1Char('x'))));
    QVERIFY(failed.last().first().toString().contains(QStringLiteral("characters")));
    QVERIFY(!u.unpublish(QString(), QStringLiteral("Gone.")));
    QCOMPARE(failed.count(), 3);
    QVERIFY(m_drafts->drafts().isEmpty());
    QCOMPARE(toJson(fetch(path).content), toJson(nodesFromJson(m_fixtureContent).nodes));
}

void TestUnpublish::unpublish_unknownPage_failsAndCreatesNothing()
{
    Unpublisher u(m_client.get(), m_drafts.get());
    QSignalSpy failed(&u, &Unpublisher::failed);
    QVERIFY(u.unpublish(QStringLiteral("No-Such-Page-01-01"), QStringLiteral("Gone.")));
    QVERIFY(waitFor(failed));
    const QString message = failed.first().first().toString();
    QVERIFY2(message.contains(QStringLiteral("no such page")), qPrintable(message));
    QVERIFY(message.contains(QStringLiteral("unchanged")));
    QVERIFY(m_drafts->drafts().isEmpty());
}

void TestUnpublish::unpublish_invalidToken_failsAndPageUnchanged()
{
    const QString path = createFixturePage();
    m_client->setAccessToken(
        QStringLiteral("0123456789abcdef0123456789abcdef0123456789abcdef01234567"));
    Unpublisher u(m_client.get(), m_drafts.get());
    QSignalSpy failed(&u, &Unpublisher::failed);
    QVERIFY(u.unpublish(path, QStringLiteral("Gone.")));
    QVERIFY(waitFor(failed));
    const QString message = failed.first().first().toString();
    QVERIFY2(message.contains(QStringLiteral("refused")), qPrintable(message));
    m_client->setAccessToken(m_token);
    QCOMPARE(toJson(fetch(path).content), toJson(nodesFromJson(m_fixtureContent).nodes));
}

void TestUnpublish::unpublish_serverFailureOnEdit_keepsPageAndRevision()
{
    const QString path = createFixturePage();
    Unpublisher u(m_client.get(), m_drafts.get());
    QSignalSpy failed(&u, &Unpublisher::failed);
    // Reading works; every save fails on the server (after the client's own retries).
    sandbox::FaultSettings faults;
    faults.pageSaveFailedRate = 1.0;
    m_sandbox->server()->setFaults(faults);
    QVERIFY(u.unpublish(path, QStringLiteral("Gone.")));
    QTRY_VERIFY_WITH_TIMEOUT(failed.count() > 0, 60000);
    const QString message = failed.first().first().toString();
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
    Unpublisher u(m_client.get(), m_drafts.get());
    QSignalSpy done(&u, &Unpublisher::unpublished);
    QSignalSpy failed(&u, &Unpublisher::failed);
    QVERIFY(u.unpublish(path, QStringLiteral("Gone.")));
    QVERIFY(u.isBusy());
    QVERIFY(!u.unpublish(path, QStringLiteral("Gone twice.")));
    QCOMPARE(failed.count(), 1);
    QVERIFY(waitFor(done));
    QCOMPARE(toJson(fetch(path).content), QByteArray("[{\"tag\":\"p\",\"children\":[\"Gone.\"]}]"));
}

void TestUnpublish::restore_unknownRevision_isRefused()
{
    Unpublisher u(m_client.get(), m_drafts.get());
    QSignalSpy failed(&u, &Unpublisher::failed);
    QVERIFY(!u.restore(987654));
    QCOMPARE(failed.count(), 1);
    QVERIFY(failed.first().first().toString().contains(QStringLiteral("987654")));
}

void TestUnpublish::dialog_requiresANotice()
{
    Page page;
    page.path = QStringLiteral("Field-notes-11-25");
    page.url = QStringLiteral("https://telegra.ph/Field-notes-11-25");
    page.title = QStringLiteral("Field <notes>");
    UnpublishDialog dialog(page);
    QCOMPARE(dialog.notice(), Unpublisher::defaultNotice());
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
