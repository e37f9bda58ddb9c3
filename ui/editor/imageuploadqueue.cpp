// SPDX-License-Identifier: MIT
#include "editor/imageuploadqueue.h"

#include "api/apierror.h"
#include "api/imagehost.h"
#include "api/mediafile.h"
#include "api/uploadjob.h"

#include <QDir>
#include <QFileInfo>
#include <QImage>

namespace tg {

namespace {
constexpr qint64 DefaultMaxFileSize = 5 * 1024 * 1024;

QStringList imageTypes()
{
    QStringList types;
    for (const QString &t : knownMediaTypes())
        if (t.startsWith(QLatin1String("image/")))
            types << t;
    return types;
}
} // namespace

ImageUploadQueue::ImageUploadQueue(ImageHost *host, QObject *parent)
    : QObject(parent)
    , m_host(host)
{}

ImageUploadQueue::~ImageUploadQueue()
{
    for (const Item &item : std::as_const(m_items))
        if (item.job && item.state == State::Running) {
            item.job->disconnect(this);
            item.job->cancel();
            item.job->deleteLater();
        }
}

qint64 ImageUploadQueue::maxFileSize() const
{
    if (m_maxFileSize > 0)
        return m_maxFileSize;
    if (m_host && m_host->maxFileSize() > 0)
        return m_host->maxFileSize();
    return DefaultMaxFileSize;
}

bool ImageUploadQueue::check(const QString &path, QString *error) const
{
    ApiError err;
    if (!checkMediaFile(path, maxFileSize(), imageTypes(), &err)) {
        if (error)
            *error =
                tr("%1 cannot be uploaded: %2").arg(QDir::toNativeSeparators(path), err.message);
        return false;
    }
    if (!m_host) {
        if (error)
            *error = tr("No image host is set up.");
        return false;
    }
    return true;
}

int ImageUploadQueue::addFile(const QString &path, QString *error)
{
    const QString abs = QFileInfo(path).absoluteFilePath();
    if (!check(abs, error))
        return -1;
    const int id = m_nextId++;
    m_items.insert(id, Item{abs, State::Running, {}});
    start(id);
    return id;
}

int ImageUploadQueue::addImage(const QImage &image, QString *error)
{
    if (image.isNull() || !m_tempDir.isValid()) {
        if (error)
            *error = tr("The pasted image could not be read.");
        return -1;
    }
    const QString path = m_tempDir.filePath(QStringLiteral("pasted-%1.png").arg(m_nextId));
    if (!image.save(path, "PNG")) {
        if (error)
            *error = tr("The pasted image could not be saved to %1.")
                         .arg(QDir::toNativeSeparators(path));
        return -1;
    }
    return addFile(path, error);
}

bool ImageUploadQueue::retry(int id)
{
    auto it = m_items.find(id);
    if (it == m_items.end() || it->state != State::Failed)
        return false;
    QString error;
    if (!check(it->path, &error)) {
        Q_EMIT failed(id, error);
        return true;
    }
    it->state = State::Running;
    start(id);
    return true;
}

void ImageUploadQueue::start(int id)
{
    UploadJob *job = m_host->upload(m_items[id].path);
    m_items[id].job = job;
    connect(job, &ApiJob::progress, this, [this, id](qint64 done, qint64 total) {
        if (total > 0)
            Q_EMIT progress(id, int(qBound(qint64(0), done * 100 / total, qint64(100))));
    });
    connect(job, &ApiJob::finished, this, [this, id, job] {
        auto it = m_items.find(id);
        if (it == m_items.end() || it->job != job)
            return;
        job->deleteLater();
        if (job->isSucceeded()) {
            it->state = State::Done;
            Q_EMIT done(id, job->url());
        } else {
            it->state = State::Failed;
            Q_EMIT failed(id, job->error().message);
        }
    });
}

QString ImageUploadQueue::filePath(int id) const
{
    return m_items.value(id).path;
}

int ImageUploadQueue::runningCount() const
{
    int n = 0;
    for (const Item &item : m_items)
        n += item.state == State::Running ? 1 : 0;
    return n;
}

QList<int> ImageUploadQueue::failedIds() const
{
    QList<int> ids;
    for (auto it = m_items.cbegin(); it != m_items.cend(); ++it)
        if (it->state == State::Failed)
            ids << it.key();
    std::sort(ids.begin(), ids.end());
    return ids;
}

} // namespace tg
