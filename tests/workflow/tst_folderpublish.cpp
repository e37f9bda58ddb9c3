// SPDX-License-Identifier: MIT
// Publishing a folder against the in-process sandbox: a generated folder of 31 files (links both
// ways, a cycle, wiki links, images, one file over 64 KiB). The first run creates every page with
// links resolved to page URLs; a second run sends nothing; editing one file edits one page; a run
// cancelled mid-way resumes without duplicates; a damaged mapping file is an error and stays as
// it is. Plus the readers: front matter, the mapping file, wiki links and hostile folders.
#include "../pages/sandboxseed.h"
#include "api/pagejob.h"
#include "api/pagelistjob.h"
#include "api/telegraphclient.h"
#include "api/telegraphuploadhost.h"
#include "publishfolder.h"
#include "sandboxfixture.h"
#include "testmain.h"
#include "workflow/folderlinks.h"
#include "workflow/foldermapping.h"
#include "workflow/folderplan.h"
#include "workflow/folderpublisher.h"
#include "workflow/frontmatter.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>

using namespace tg;

class TestFolderPublish : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::SandboxFixture> m_sandbox;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<TelegraphClient> m_client;
    QString m_token;
    QString m_folder;

    sandbox::ServerStats stats() const { return m_sandbox->server()->stats(); }

    /// Plans and publishes the folder; the result (waited for).
    PublishResult publish(FolderPublisher &publisher, const FolderPlanOptions &options = {},
                          const FolderPublishOptions &publishOptions = {})
    {
        const FolderPlan plan = FolderPlanner::build(m_folder, options);
        if (!plan.ok())
            return {};
        QSignalSpy done(&publisher, &PublishFlow::finished);
        if (!publisher.publish(plan, publishOptions))
            return {};
        if (done.isEmpty() && !done.wait(120000))
            return {};
        return done.takeFirst().first().value<PublishResult>();
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

    static QStringList hrefs(const NodeList &content, const char *attribute)
    {
        QStringList out;
        FolderLinks::visit(content, [&](const QString &address, bool image) {
            if (image == (qstrcmp(attribute, "src") == 0))
                out << address;
        });
        return out;
    }

    FolderMapping mapping() const
    {
        QString error;
        return FolderMapping::load(m_folder, &error).value_or(FolderMapping());
    }

    /// Pages the first run makes: one per file, plus the parts of the long file.
    int expectedPages() const
    {
        const FolderPageRecord big = mapping().pages.value(QStringLiteral("big.md"));
        return 31 + int(big.partPaths.size());
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_sandbox = std::make_unique<test::SandboxFixture>();
        QVERIFY2(m_sandbox->start(), qPrintable(m_sandbox->errorString()));
        m_token = test::seedSandboxAccount(m_sandbox->server(), QStringLiteral("folder"));
        QVERIFY(!m_token.isEmpty());
        m_dir = std::make_unique<QTemporaryDir>();
        m_folder = m_dir->filePath(QStringLiteral("vault"));
        QCOMPARE(test::PublishFolder::create(m_folder).size(), 31);
        ClientSettings cs;
        cs.apiUrl = m_sandbox->url();
        cs.timeoutMs = 20000;
        cs.flood = PublishFlow::appFloodPolicy();
        m_client = std::make_unique<TelegraphClient>(cs);
        m_client->setAccessToken(m_token);
    }

    void cleanup()
    {
        m_client.reset();
        m_sandbox.reset();
        m_dir.reset();
    }

    void frontMatter_readsTitleAndAuthorWithinBounds_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("present");
        QTest::addColumn<QString>("title");
        QTest::addColumn<QString>("author");
        QTest::addColumn<QString>("bodyStart");
        QTest::newRow("plain") << "---\ntitle: Hello\nauthor: Ann\n---\nBody" << true << "Hello"
                               << "Ann"
                               << "Body";
        QTest::newRow("quoted, CRLF, BOM")
            << QString(QChar(0xfeff)) + QStringLiteral("---\r\ntitle: \"A: B\"\r\n---\r\nX") << true
            << "A: B"
            << ""
            << "X";
        QTest::newRow("dots close") << "---\ntitle: 'T'\n...\nY" << true << "T"
                                    << ""
                                    << "Y";
        QTest::newRow("never closed") << "---\ntitle: T\nno end" << false << ""
                                      << ""
                                      << "---";
        QTest::newRow("not at start") << "x\n---\ntitle: T\n---\n"
                                      << false << ""
                                      << ""
                                      << "x";
        QTest::newRow("too many lines")
            << QStringLiteral("---\n") +
                   QStringLiteral("a: b\n").repeated(FrontMatter::MaxLines + 5) +
                   QStringLiteral("---\nZ")
            << false << ""
            << ""
            << "---";
        QTest::newRow("long title cut")
            << QStringLiteral("---\ntitle: ") + QString(1000, u'x') + QStringLiteral("\n---\n")
            << true << QString(FrontMatter::MaxTitleLength, u'x') << ""
            << "";
    }

    void frontMatter_readsTitleAndAuthorWithinBounds()
    {
        QFETCH(QString, text);
        QFETCH(bool, present);
        QFETCH(QString, title);
        QFETCH(QString, author);
        QFETCH(QString, bodyStart);
        const FrontMatter fm = FrontMatter::parse(text);
        QCOMPARE(fm.present, present);
        QCOMPARE(fm.title, title);
        QCOMPARE(fm.author, author);
        QVERIFY(text.mid(fm.bodyStart).startsWith(bodyStart));
    }

    void mapping_damaged_isRefusedWithTheReason_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("reason");
        QTest::newRow("not json") << QByteArray("{\"version\":1,") << "not valid JSON";
        QTest::newRow("array") << QByteArray("[]") << "not a JSON object";
        QTest::newRow("version") << QByteArray("{\"version\":7}") << "\"version\"";
        QTest::newRow("escaping path")
            << QByteArray("{\"version\":1,\"pages\":{\"../x.md\":{\"path\":\"p\",\"url\":\"u\"}}}")
            << "not a relative file path";
        QTest::newRow("no url") << QByteArray(
                                       "{\"version\":1,\"pages\":{\"a.md\":{\"path\":\"p\"}}}")
                                << "\"url\"";
        QTest::newRow("bad hash")
            << QByteArray("{\"version\":1,\"pages\":{\"a.md\":{\"path\":\"p\",\"url\":\"u\","
                          "\"hash\":\"zz\"}}}")
            << "SHA-256";
        QTest::newRow("parts mismatch")
            << QByteArray("{\"version\":1,\"pages\":{\"a.md\":{\"path\":\"p\",\"url\":\"u\","
                          "\"parts\":[\"a\"]}}}")
            << "series parts";
        QTest::newRow("image key")
            << QByteArray("{\"version\":1,\"images\":{\"x\":\"u\"}}") << "\"images\"";
    }

    void mapping_damaged_isRefusedWithTheReason()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, reason);
        QString error;
        QVERIFY(!FolderMapping::fromJson(json, &error));
        QVERIFY2(error.contains(reason), qPrintable(error));
    }

    void mapping_roundTrips()
    {
        FolderMapping m;
        FolderPageRecord r;
        r.path = QStringLiteral("Index-12-04");
        r.url = QStringLiteral("https://telegra.ph/Index-12-04");
        r.sourceHash = QString(64, u'a');
        r.contentHash = QString(64, u'b');
        r.partPaths = QStringList{QStringLiteral("P1")};
        r.partUrls = QStringList{QStringLiteral("https://telegra.ph/P1")};
        m.pages.insert(QStringLiteral("dir/ä b.md"), r);
        m.images.insert(QString(64, u'c'), QStringLiteral("https://img/x.png"));
        QString error;
        const std::optional<FolderMapping> back = FolderMapping::fromJson(m.toJson(), &error);
        QVERIFY2(back, qPrintable(error));
        QCOMPARE(back->pages, m.pages);
        QCOMPARE(back->images, m.images);
    }

    void wikiLinks_expandOutsideCode_data()
    {
        QTest::addColumn<QString>("markdown");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain") << "See [[b]]."
                               << "See [b](/b.md).";
        QTest::newRow("text") << "[[b|Bee]]"
                              << "[Bee](/b.md)";
        QTest::newRow("fragment") << "[[b#Top part]]"
                                  << "[b](/b.md#Top%20part)";
        QTest::newRow("unknown") << "[[nothing|No]] x"
                                 << "No x";
        QTest::newRow("code span") << "`[[b]]` [[b]]"
                                   << "`[[b]]` [b](/b.md)";
        QTest::newRow("fence") << "```\n[[b]]\n```\n[[b]]"
                               << "```\n[[b]]\n```\n[b](/b.md)";
        QTest::newRow("unclosed") << "[[b"
                                  << "[[b";
    }

    void wikiLinks_expandOutsideCode()
    {
        QFETCH(QString, markdown);
        QFETCH(QString, expected);
        const QString out = FolderLinks::expandWikiLinks(markdown, [](const QString &t) {
            return t == u"b" ? QStringLiteral("/b.md") : QString();
        });
        QCOMPARE(out, expected);
    }

    void resolve_keepsLinksInsideTheFolder_data()
    {
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("href");
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("fragment");
        QTest::newRow("sibling") << "a/x.md"
                                 << "y.md#p"
                                 << "a/y.md"
                                 << "p";
        QTest::newRow("up") << "a/x.md"
                            << "../y.md"
                            << "y.md"
                            << "";
        QTest::newRow("root") << "a/x.md"
                              << "/b/y.md"
                              << "b/y.md"
                              << "";
        QTest::newRow("encoded") << "x.md"
                                 << "my%20note.md"
                                 << "my note.md"
                                 << "";
        QTest::newRow("escapes") << "x.md"
                                 << "../../etc/passwd"
                                 << ""
                                 << "";
        QTest::newRow("remote") << "x.md"
                                << "https://e.com/y.md"
                                << ""
                                << "";
        QTest::newRow("scheme-relative") << "x.md"
                                         << "//e.com/y.md"
                                         << ""
                                         << "";
        QTest::newRow("anchor") << "x.md"
                                << "#top"
                                << ""
                                << "";
        QTest::newRow("mailto") << "x.md"
                                << "mailto:a@b"
                                << ""
                                << "";
    }

    void resolve_keepsLinksInsideTheFolder()
    {
        QFETCH(QString, from);
        QFETCH(QString, href);
        QFETCH(QString, file);
        QFETCH(QString, fragment);
        QString frag;
        QCOMPARE(FolderLinks::resolve(from, href, &frag), file);
        if (!file.isEmpty())
            QCOMPARE(frag, fragment);
    }

    void plan_hostileFolder_skipsLoopsOutsideLinksAndBadNames()
    {
        const QString dir = m_dir->filePath(QStringLiteral("hostile"));
        QVERIFY(test::PublishFolder::write(dir + QStringLiteral("/ok.md"), "# Fine\n\ntext\n"));
        QVERIFY(test::PublishFolder::write(m_dir->filePath(QStringLiteral("outside.md")), "x"));
        QVERIFY(QFile::link(dir, dir + QStringLiteral("/loop")));
        QVERIFY(QFile::link(m_dir->filePath(QStringLiteral("outside.md")),
                            dir + QStringLiteral("/escape.md")));
        QVERIFY(test::PublishFolder::write(dir + QStringLiteral("/bad\nname.md"), "x"));
        QVERIFY(test::PublishFolder::write(dir + QStringLiteral("/latin1.md"), "caf\xe9\n"));
        const FolderPlan plan = FolderPlanner::build(dir);
        QVERIFY2(plan.ok(), qPrintable(plan.error));
        QCOMPARE(plan.sources.size(), 1);
        QCOMPARE(plan.sources.first().title, QStringLiteral("Fine"));
        QCOMPARE(plan.count(FolderAction::Create), 1);
        QCOMPARE(plan.count(FolderAction::Skipped), 3);
        QVERIFY(plan.warnings.join(u'\n').contains(QStringLiteral("loop")));
    }

    void plan_limits_bound_theScan()
    {
        FolderPlanOptions o;
        o.maxFiles = 5;
        const FolderPlan plan = FolderPlanner::build(m_folder, o);
        QVERIFY(plan.ok());
        QCOMPARE(plan.sources.size(), 5);
        QVERIFY(plan.count(FolderAction::Skipped) > 0);
        QVERIFY(!FolderPlanner::build(m_dir->filePath(QStringLiteral("none"))).ok());
    }

    void plan_ofANewFolder_createsEveryFileAndTheLongOneAsASeries()
    {
        const FolderPlan plan = FolderPlanner::build(m_folder);
        QVERIFY2(plan.ok(), qPrintable(plan.error));
        QCOMPARE(plan.sources.size(), 31);
        QCOMPARE(plan.count(FolderAction::Create), 30);
        QCOMPARE(plan.count(FolderAction::Series), 1);
        const FolderSource &index =
            plan.sources.at(plan.sourceIndex.value(QStringLiteral("index.md")));
        QCOMPARE(index.title, QStringLiteral("The Index"));
        QCOMPARE(index.authorName, QStringLiteral("Folder Tester"));
        QVERIFY(index.links.contains(QStringLiteral("notes/n05.md")));
        QVERIFY(index.links.contains(QStringLiteral("notes/n07.md")));
        QCOMPARE(plan.sources.at(plan.sourceIndex.value(test::PublishFolder::note(3))).title,
                 QStringLiteral("Note 3"));
        QCOMPARE(plan.sources.at(plan.sourceIndex.value(QStringLiteral("page.html"))).title,
                 QStringLiteral("An HTML page"));
        QCOMPARE(plan.images.size(), 2);
        QVERIFY(!QFile::exists(m_folder + QStringLiteral("/.telegraph.json")));
    }

    void firstRun_createsEveryPage_withLinksResolved_secondRunSendsNothing()
    {
        FolderPublisher publisher(m_client.get(), m_client->legacyUploadHost());
        const sandbox::ServerStats before = stats();
        const PublishResult r = publish(publisher);
        QVERIFY2(r.ok, qPrintable(r.message));
        QCOMPARE(publisher.summary().created, 31);
        QCOMPARE(publisher.summary().imagesUploaded, 2);
        QVERIFY(publisher.summary().failures.isEmpty());
        QCOMPARE(stats().uploads - before.uploads, 2);

        const FolderMapping m = mapping();
        QCOMPARE(m.pages.size(), 31);
        QCOMPARE(m.images.size(), 2);
        QVERIFY(m.pages.value(QStringLiteral("big.md")).partPaths.size() >= 2);
        QCOMPARE(pageCount(), expectedPages());
        QCOMPARE(stats().createPage - before.createPage, qint64(expectedPages()));

        // Links both ways and through the cycle point at page URLs.
        for (int i : {0, 5, test::PublishFolder::Notes - 1}) {
            const QString file = test::PublishFolder::note(i);
            const Page page = fetch(m.pages.value(file).path);
            QCOMPARE(page.title, QStringLiteral("Note %1").arg(i));
            const QStringList links = hrefs(page.content, "href");
            const QString next =
                m.pages.value(test::PublishFolder::note((i + 1) % test::PublishFolder::Notes)).url;
            const QString prev =
                m.pages
                    .value(test::PublishFolder::note((i + test::PublishFolder::Notes - 1) %
                                                     test::PublishFolder::Notes))
                    .url;
            QVERIFY2(links.contains(next), qPrintable(links.join(u' ')));
            QVERIFY2(links.contains(prev + QStringLiteral("#top")), qPrintable(links.join(u' ')));
        }
        const Page n0 = fetch(m.pages.value(test::PublishFolder::note(0)).path);
        const QString aHash = QString::fromLatin1(
            QCryptographicHash::hash(test::PublishFolder::png("a"), QCryptographicHash::Sha256)
                .toHex());
        QCOMPARE(hrefs(n0.content, "src"), QStringList{m.images.value(aHash)});
        QVERIFY(m.images.value(aHash).contains(QStringLiteral("/file/")));
        const QStringList indexLinks =
            hrefs(fetch(m.pages.value(QStringLiteral("index.md")).path).content, "href");
        QVERIFY(indexLinks.contains(m.pages.value(test::PublishFolder::note(5)).url));
        QVERIFY(indexLinks.contains(m.pages.value(test::PublishFolder::note(7)).url +
                                    QStringLiteral("#part")));
        const Page n4 = fetch(m.pages.value(test::PublishFolder::note(4)).path);
        QCOMPARE(hrefs(n4.content, "src"),
                 QStringList{QStringLiteral("https://example.com/remote.png")});
        const Page html = fetch(m.pages.value(QStringLiteral("page.html")).path);
        QVERIFY(
            hrefs(html.content, "href").contains(m.pages.value(QStringLiteral("index.md")).url));
        for (const QString &l : indexLinks)
            QVERIFY2(!l.endsWith(QStringLiteral(".md")), qPrintable(l));

        // The second run: every file unchanged, nothing sent.
        const FolderPlan again = FolderPlanner::build(m_folder);
        QCOMPARE(again.count(FolderAction::Unchanged), 31);
        const sandbox::ServerStats mid = stats();
        FolderPublisher second(m_client.get(), m_client->legacyUploadHost());
        const PublishResult r2 = publish(second);
        QVERIFY2(r2.ok, qPrintable(r2.message));
        QCOMPARE(stats().writes, mid.writes);
        QCOMPARE(stats().uploads, mid.uploads);
        QCOMPARE(second.summary().unchanged, 31);
        QCOMPARE(mapping().pages, m.pages);
    }

    void editingOneFile_updatesExactlyOnePage()
    {
        FolderPublisher publisher(m_client.get(), m_client->legacyUploadHost());
        QVERIFY(publish(publisher).ok);
        const FolderMapping m = mapping();
        QVERIFY(test::PublishFolder::write(m_folder + u'/' + test::PublishFolder::note(10),
                                           test::PublishFolder::noteText(10, "\nA new line.\n")));
        const FolderPlan plan = FolderPlanner::build(m_folder);
        QCOMPARE(plan.count(FolderAction::Update), 1);
        QCOMPARE(plan.count(FolderAction::Unchanged), 30);
        const sandbox::ServerStats before = stats();
        FolderPublisher second(m_client.get(), m_client->legacyUploadHost());
        QVERIFY(publish(second).ok);
        QCOMPARE(stats().writes - before.writes, 1);
        QCOMPARE(stats().editPage - before.editPage, 1);
        QCOMPARE(second.summary().updated, 1);
        const Page page = fetch(m.pages.value(test::PublishFolder::note(10)).path);
        QVERIFY(page.content.last().plainText().contains(QStringLiteral("A new line.")));
    }

    void cancelledRun_resumesWithoutDuplicates()
    {
        {
            FolderPublisher publisher(m_client.get(), m_client->legacyUploadHost());
            int published = 0;
            connect(&publisher, &FolderPublisher::pagePublished, &publisher, [&] {
                if (++published == 12)
                    publisher.cancel();
            });
            const PublishResult r = publish(publisher);
            QVERIFY(!r.ok);
            QCOMPARE(r.error.category, ApiError::Category::Cancelled);
            QCOMPARE(mapping().pages.size(), 12);
        }
        const int pagesAfterCancel = pageCount();
        QCOMPARE(pagesAfterCancel, 12);
        FolderPublisher resume(m_client.get(), m_client->legacyUploadHost());
        const PublishResult r = publish(resume);
        QVERIFY2(r.ok, qPrintable(r.message));
        QCOMPARE(resume.summary().created, 19);
        QCOMPARE(mapping().pages.size(), 31);
        QCOMPARE(pageCount(), expectedPages());
        // Links of the pages made before the cancel were resolved by the resumed run.
        const FolderMapping m = mapping();
        for (auto it = m.pages.constBegin(); it != m.pages.constEnd(); ++it) {
            if (!it.key().startsWith(QStringLiteral("notes/")))
                continue;
            for (const QString &l : hrefs(fetch(it->path).content, "href"))
                QVERIFY2(!l.contains(QStringLiteral(".md")), qPrintable(it.key() + u' ' + l));
        }
        FolderPublisher third(m_client.get(), m_client->legacyUploadHost());
        const sandbox::ServerStats before = stats();
        QVERIFY(publish(third).ok);
        QCOMPARE(stats().writes, before.writes);
    }

    void pendingCreation_findsThePageItMadeInsteadOfASecondOne()
    {
        FolderPublisher publisher(m_client.get(), m_client->legacyUploadHost());
        QVERIFY(publish(publisher).ok);
        const int pages = pageCount();
        FolderMapping m = mapping();
        const QString file = test::PublishFolder::note(5);
        const FolderPageRecord made = m.pages.value(file);
        // As if killed after sending createPage and before its answer was written down.
        FolderPageRecord pending;
        pending.pendingSince = QDateTime::currentDateTimeUtc().date().toString(Qt::ISODate);
        m.pages.insert(file, pending);
        QString error;
        QVERIFY2(m.save(m_folder, &error), qPrintable(error));
        const FolderPlan plan = FolderPlanner::build(m_folder);
        QCOMPARE(plan.count(FolderAction::Create), 1);
        FolderPublisher resume(m_client.get(), m_client->legacyUploadHost());
        const sandbox::ServerStats before = stats();
        QVERIFY(publish(resume).ok);
        QCOMPARE(pageCount(), pages);
        QCOMPARE(stats().createPage, before.createPage);
        QCOMPARE(mapping().pages.value(file).path, made.path);
        QVERIFY(!mapping().pages.value(file).isPending());
    }

    void removedFile_isReported_andOnlyUnpublishedWhenAsked()
    {
        FolderPublisher publisher(m_client.get(), m_client->legacyUploadHost());
        QVERIFY(publish(publisher).ok);
        const QString path = mapping().pages.value(QStringLiteral("page.html")).path;
        QVERIFY(QFile::remove(m_folder + QStringLiteral("/page.html")));
        const FolderPlan plan = FolderPlanner::build(m_folder);
        QCOMPARE(plan.count(FolderAction::Removed), 1);
        const sandbox::ServerStats before = stats();
        FolderPublisher second(m_client.get(), m_client->legacyUploadHost());
        QVERIFY(publish(second).ok);
        QCOMPARE(stats().writes, before.writes);
        QVERIFY(mapping().pages.contains(QStringLiteral("page.html")));
        FolderPublisher third(m_client.get(), m_client->legacyUploadHost());
        FolderPublishOptions o;
        o.unpublishRemoved = true;
        QVERIFY(publish(third, {}, o).ok);
        QCOMPARE(third.summary().removed, 1);
        QVERIFY(!mapping().pages.contains(QStringLiteral("page.html")));
        QVERIFY(fetch(path).content.first().plainText().contains(QStringLiteral("removed")));
    }

    void force_andOnly_chooseThePages()
    {
        FolderPublisher publisher(m_client.get(), m_client->legacyUploadHost());
        QVERIFY(publish(publisher).ok);
        FolderPlanOptions o;
        o.force = true;
        o.only = QStringLiteral("notes/n1*.md");
        const FolderPlan plan = FolderPlanner::build(m_folder, o);
        QCOMPARE(plan.count(FolderAction::Update), 10);
        QCOMPARE(plan.items.size(), 10);
        const sandbox::ServerStats before = stats();
        FolderPublisher second(m_client.get(), m_client->legacyUploadHost());
        FolderPublishOptions po;
        po.force = true;
        QVERIFY(publish(second, o, po).ok);
        QCOMPARE(stats().editPage - before.editPage, 10);
        QCOMPARE(stats().createPage, before.createPage);
    }

    void damagedMapping_isAnError_andLeftAsItIs()
    {
        const QString path = m_folder + QStringLiteral("/.telegraph.json");
        const QByteArray damaged = "{\"version\":1,\"pages\":{\"a.md\":";
        QVERIFY(test::PublishFolder::write(path, damaged));
        const FolderPlan plan = FolderPlanner::build(m_folder);
        QVERIFY(!plan.ok());
        QVERIFY2(plan.error.contains(QStringLiteral("damaged")), qPrintable(plan.error));
        QVERIFY(plan.error.contains(QStringLiteral(".telegraph.json")));
        FolderPublisher publisher(m_client.get(), m_client->legacyUploadHost());
        QSignalSpy done(&publisher, &PublishFlow::finished);
        QVERIFY(publisher.publish(plan));
        QVERIFY(done.count() == 1 || done.wait(5000));
        QVERIFY(!done.first().first().value<PublishResult>().ok);
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), damaged);
    }
};

TG_TEST_MAIN_CORE(TestFolderPublish)
#include "tst_folderpublish.moc"
