// SPDX-License-Identifier: MIT
#include "pages/accountbackup.h"

#include "api/pagelistwalker.h"
#include "api/telegraphclient.h"
#include "content/htmlwriter.h"
#include "content/node.h"
#include "pages/csvexport.h"
#include "pages/pageslog.h"

#include "content/markdownwriter.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace tg {

namespace {

bool writeFileAtomically(const QString &path, const QByteArray &data, QString *error)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(data) != data.size() || !f.commit()) {
        *error = QStringLiteral("Could not write %1: %2").arg(path, f.errorString());
        return false;
    }
    return true;
}

/// Every src of an img element, in document order.
void collectImages(const NodeList &nodes, QStringList &out, int depth = 0)
{
    if (depth > MaxNodeDepth)
        return;
    for (const Node &n : nodes) {
        if (!n.isElement())
            continue;
        if (n.tag() == QLatin1String("img")) {
            const QString src = n.attr(u"src");
            if (!src.isEmpty())
                out.append(src);
        }
        collectImages(n.children(), out, depth + 1);
    }
}

ApiError ioError(const QString &message)
{
    return ApiError::make(ApiError::Category::Validation, message, QStringLiteral("BACKUP_IO"));
}

} // namespace

AccountBackup::AccountBackup(TelegraphClient *client, const BackupOptions &options, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_options(options)
{}

AccountBackup::~AccountBackup()
{
    if (m_walker)
        m_walker->disconnect(this);
    for (const QPointer<PageJob> &job : std::as_const(m_jobs)) {
        if (job) {
            job->disconnect(this);
            job->cancel();
        }
    }
}

QString AccountBackup::progressFileName()
{
    return QStringLiteral(".backup-progress");
}

QString AccountBackup::fileBaseName(const QString &pagePath)
{
    QString out;
    out.reserve(pagePath.size());
    for (const QChar c : pagePath) {
        const bool bad = c.unicode() < 0x20 || c == QLatin1Char('/') || c == QLatin1Char('\\') ||
                         c == QLatin1Char(':') || c == QLatin1Char('*') || c == QLatin1Char('?') ||
                         c == QLatin1Char('"') || c == QLatin1Char('<') || c == QLatin1Char('>') ||
                         c == QLatin1Char('|') || c.unicode() == 0x7f;
        out += bad ? QLatin1Char('_') : c;
    }
    if (out.isEmpty() || out.startsWith(QLatin1Char('.')))
        out.prepend(QLatin1Char('_'));
    return out.left(200);
}

QString AccountBackup::filePath(const QString &relative) const
{
    return QDir(m_options.directory).filePath(relative);
}

void AccountBackup::start()
{
    if (m_running)
        return;
    m_running = true;
    m_error = ApiError();
    m_saved = m_skipped = m_html = 0;
    m_pages.clear();
    m_done.clear();

    if (m_options.directory.isEmpty() ||
        !QDir().mkpath(QDir(m_options.directory).filePath(QStringLiteral("pages")))) {
        QMetaObject::invokeMethod(
            this,
            [this] {
                finish(ioError(QStringLiteral("Could not create the backup folder %1.")
                                   .arg(m_options.directory)));
            },
            Qt::QueuedConnection);
        return;
    }
    // Pages done by an interrupted run; a line is complete only with its newline.
    QFile progressFile(filePath(progressFileName()));
    if (progressFile.open(QIODevice::ReadOnly)) {
        const QByteArray all = progressFile.readAll();
        QList<QByteArray> lines = all.split('\n');
        lines.removeLast(); // empty after a final newline, or a line cut off by the interruption
        for (const QByteArray &line : std::as_const(lines)) {
            const int tab = line.indexOf('\t');
            if (tab <= 0)
                continue;
            const QString path = QString::fromUtf8(line.left(tab));
            const QString file = QString::fromUtf8(line.mid(tab + 1));
            if (QFile::exists(filePath(file)) &&
                QFile::exists(filePath(QStringLiteral("pages/") + fileBaseName(path) +
                                       QStringLiteral(".json"))))
                m_done.insert(path, file);
        }
    }

    PageWalkOptions walk;
    walk.accessToken = m_options.accessToken;
    m_walker = new PageListWalker(m_client, walk, this);
    connect(m_walker, &PageListWalker::finished, this, &AccountBackup::onListed);
    m_walker->start();
}

void AccountBackup::cancel()
{
    if (!m_running)
        return;
    if (m_walker)
        m_walker->cancel(); // finishes with Cancelled through onListed()
    fail(
        ApiError::make(ApiError::Category::Cancelled, QStringLiteral("The backup was cancelled.")));
}

void AccountBackup::onListed()
{
    PageListWalker *walker = m_walker;
    m_walker = nullptr;
    if (!walker || !m_running) {
        if (walker)
            walker->deleteLater();
        return;
    }
    walker->deleteLater();
    if (walker->error().isError()) {
        fail(walker->error());
        return;
    }
    m_pages = walker->pages();
    // Pages of the progress file that are no longer in the list are not counted.
    QHash<QString, QString> done;
    for (int i = 0; i < m_pages.size(); ++i) {
        const auto it = m_done.constFind(m_pages.at(i).path);
        if (it != m_done.cend())
            done.insert(it.key(), it.value());
        else
            m_queue.append(i);
    }
    m_done = done;
    m_skipped = int(m_done.size());
    Q_EMIT listed(int(m_pages.size()), m_skipped);
    Q_EMIT progress(m_skipped, int(m_pages.size()));
    if (m_queue.isEmpty()) {
        QString error;
        if (!writeIndex(&error))
            finish(ioError(error));
        else
            finish(ApiError());
        return;
    }
    pump();
}

void AccountBackup::pump()
{
    while (m_running && m_inFlight < m_options.maxConcurrent && !m_queue.isEmpty()) {
        const int index = m_queue.takeFirst();
        GetPageRequest request;
        request.path = m_pages.at(index).path;
        request.returnContent = true;
        PageJob *job = m_client->getPage(request);
        job->setAutoDelete(true);
        m_jobs.append(job);
        ++m_inFlight;
        connect(job, &ApiJob::finished, this, [this, job, index] { onPageDone(job, index); });
    }
}

void AccountBackup::onPageDone(PageJob *job, int index)
{
    m_jobs.removeAll(job);
    if (!m_running)
        return;
    --m_inFlight;
    if (!job->isSucceeded()) {
        fail(job->error());
        return;
    }
    Page page = job->page();
    // The list's numbers are the ones the index shows; getPage may be a moment newer.
    page.views = qMax(page.views, m_pages.at(index).views);
    QString error;
    if (!writePage(page, &error)) {
        fail(ioError(error));
        return;
    }
    m_pages[index].views = page.views;
    ++m_saved;
    Q_EMIT pageSaved(page.path);
    Q_EMIT progress(int(m_done.size()), int(m_pages.size()));
    if (m_queue.isEmpty() && m_inFlight == 0) {
        if (!writeIndex(&error)) {
            finish(ioError(error));
            return;
        }
        QFile::remove(filePath(progressFileName()));
        finish(ApiError());
        return;
    }
    pump();
}

bool AccountBackup::writePage(const Page &page, QString *error)
{
    const QString base = QStringLiteral("pages/") + fileBaseName(page.path);
    if (!writeFileAtomically(filePath(base + QStringLiteral(".json")), toJson(page.content), error))
        return false;

    QString contentFile;
    QByteArray text;
    // Markdown where converting back gives the same nodes; HTML where Markdown would lose
    // something.
    if (markdownRoundTrips(page.content)) {
        contentFile = base + QStringLiteral(".md");
        text = nodesToMarkdown(page.content).toUtf8();
    }
    if (contentFile.isEmpty()) {
        contentFile = base + QStringLiteral(".html");
        text = nodesToDisplayHtml(page.content).toUtf8();
        ++m_html;
    }
    // A format change since an earlier run must not leave the other file behind.
    const QString other = contentFile.endsWith(QLatin1String(".md"))
                              ? base + QStringLiteral(".html")
                              : base + QStringLiteral(".md");
    QFile::remove(filePath(other));
    if (!writeFileAtomically(filePath(contentFile), text, error))
        return false;

    QFile progressFile(filePath(progressFileName()));
    if (!progressFile.open(QIODevice::WriteOnly | QIODevice::Append)) {
        *error = QStringLiteral("Could not write %1: %2")
                     .arg(progressFile.fileName(), progressFile.errorString());
        return false;
    }
    progressFile.write(page.path.toUtf8() + '\t' + contentFile.toUtf8() + '\n');
    progressFile.close();
    m_done.insert(page.path, contentFile);
    return true;
}

bool AccountBackup::writeIndex(QString *error)
{
    QJsonArray pages;
    QStringList images;
    QSet<QString> seenImages;
    for (const Page &p : std::as_const(m_pages)) {
        const QString base = QStringLiteral("pages/") + fileBaseName(p.path);
        QJsonObject o;
        o.insert(QStringLiteral("path"), p.path);
        o.insert(QStringLiteral("url"), p.url);
        o.insert(QStringLiteral("title"), p.title);
        o.insert(QStringLiteral("description"), p.description);
        o.insert(QStringLiteral("author_name"), p.authorName);
        o.insert(QStringLiteral("views"), p.views);
        o.insert(QStringLiteral("json_file"), QString(base + QStringLiteral(".json")));
        o.insert(QStringLiteral("content_file"), m_done.value(p.path));
        pages.append(o);

        QFile json(filePath(base + QStringLiteral(".json")));
        if (!json.open(QIODevice::ReadOnly)) {
            *error =
                QStringLiteral("Could not read %1: %2").arg(json.fileName(), json.errorString());
            return false;
        }
        const NodeParseResult parsed = nodesFromJson(json.readAll());
        QStringList found;
        collectImages(parsed.nodes, found);
        for (const QString &src : std::as_const(found)) {
            if (!seenImages.contains(src)) {
                seenImages.insert(src);
                images.append(src);
            }
        }
    }
    QJsonObject index;
    index.insert(QStringLiteral("generated"),
                 QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
    index.insert(QStringLiteral("total_count"), int(m_pages.size()));
    index.insert(QStringLiteral("pages"), pages);
    if (!writeFileAtomically(filePath(QStringLiteral("index.json")),
                             QJsonDocument(index).toJson(QJsonDocument::Indented), error))
        return false;
    if (!writeFileAtomically(filePath(QStringLiteral("index.csv")), csv::pages(m_pages), error))
        return false;
    QByteArray imageList;
    for (const QString &src : std::as_const(images))
        imageList += src.toUtf8() + '\n';
    return writeFileAtomically(filePath(QStringLiteral("images.txt")), imageList, error);
}

void AccountBackup::fail(const ApiError &error)
{
    for (const QPointer<PageJob> &job : std::as_const(m_jobs)) {
        if (job) {
            job->disconnect(this);
            job->cancel();
        }
    }
    m_jobs.clear();
    m_queue.clear();
    m_inFlight = 0;
    finish(error);
}

void AccountBackup::finish(const ApiError &error)
{
    if (!m_running)
        return;
    m_running = false;
    m_error = error;
    if (!error.isError())
        qCDebug(lcPages) << "backup finished:" << m_done.size() << "pages written";
    else if (error.category == ApiError::Category::Cancelled)
        qCDebug(lcPages) << "backup cancelled after" << m_done.size() << "pages";
    else
        qCWarning(lcPages) << "the backup stopped:" << redactTokens(error.toString());
    Q_EMIT finished();
}

} // namespace tg
