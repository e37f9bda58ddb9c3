// SPDX-License-Identifier: MIT
#pragma once

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTemporaryDir>
#include <QUrl>

class QImage;

namespace tg {

class ImageHost;
class UploadJob;

/// Uploads local image files (or clipboard images saved as PNG) through an ImageHost, all in
/// parallel. Each file is checked (readable, an image by content, not too large) before any
/// byte is sent; a refused file is reported at once and never reaches the host. Items keep
/// their file so a failed upload can be retried.
class ImageUploadQueue : public QObject
{
    Q_OBJECT
public:
    explicit ImageUploadQueue(ImageHost *host, QObject *parent = nullptr);
    ~ImageUploadQueue() override;

    /// The host new uploads and retries go to (not owned).
    void setHost(ImageHost *host) { m_host = host; }
    ImageHost *host() const { return m_host; }

    /// Largest accepted file in bytes; defaults to the host's limit, or 5 MiB when it has none.
    void setMaxFileSize(qint64 bytes) { m_maxFileSize = bytes; }
    qint64 maxFileSize() const;

    /// Checks `path` and starts uploading it. Returns the item id, or -1 when the file was
    /// refused (then `error` holds the user-facing reason and nothing was sent).
    int addFile(const QString &path, QString *error = nullptr);
    /// Saves `image` to a temporary PNG (kept while the queue lives) and adds that file.
    int addImage(const QImage &image, QString *error = nullptr);
    /// Starts a failed item again; false when `id` is unknown, running or done.
    bool retry(int id);

    /// The local file of an item (empty when unknown).
    QString filePath(int id) const;
    /// Items still uploading.
    int runningCount() const;
    /// Ids of items whose last upload failed.
    QList<int> failedIds() const;

Q_SIGNALS:
    /// Upload progress of one item, 0..100.
    void progress(int id, int percent);
    /// The item is online at `url`.
    void done(int id, const QUrl &url);
    /// The upload of the item failed; `message` is user-facing. retry(id) starts it again.
    void failed(int id, const QString &message);

private:
    enum class State
    {
        Running,
        Done,
        Failed
    };
    struct Item
    {
        QString path;
        State state = State::Running;
        QPointer<UploadJob> job;
    };

    bool check(const QString &path, QString *error) const;
    void start(int id);

    ImageHost *m_host = nullptr;
    qint64 m_maxFileSize = 0;
    int m_nextId = 1;
    QHash<int, Item> m_items;
    QTemporaryDir m_tempDir;
};

} // namespace tg
