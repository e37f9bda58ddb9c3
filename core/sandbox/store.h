// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace tg::sandbox {

/// An account as stored by the sandbox.
struct StoredAccount
{
    qint64 id = 0;
    QString token;
    QString shortName;
    QString authorName;
    QString authorUrl;
};

/// A page as stored by the sandbox; content is the compact node JSON.
struct StoredPage
{
    qint64 id = 0;
    qint64 accountId = 0;
    QString path;
    QString title;
    QString description;
    QString authorName;
    QString authorUrl;
    QString imageUrl;
    QByteArray content;
    qint64 createdMs = 0;
    qint64 views = 0;
};

/// An uploaded file.
struct StoredFile
{
    QByteArray mimeType;
    QByteArray data;
};

/// The sandbox's SQLite persistence: accounts, one-time auth codes, pages, hourly view buckets
/// and uploaded files. Each instance has its own connection; every write is one transaction.
class Store
{
public:
    Store();
    ~Store();
    Store(const Store &) = delete;
    Store &operator=(const Store &) = delete;

    /// Opens (and creates) `<dataDir>/sandbox.sqlite`, or an in-memory database when dataDir is
    /// empty. False with a message on failure.
    bool open(const QString &dataDir, QString *error);
    void close();

    bool insertAccount(StoredAccount *account);
    bool updateAccount(const StoredAccount &account);
    std::optional<StoredAccount> accountByToken(const QString &token);
    std::optional<StoredAccount> accountById(qint64 id);

    bool insertAuthCode(const QString &code, qint64 accountId, qint64 expiresMs);
    /// Account of a valid, unused code; the code is used up either way.
    std::optional<qint64> consumeAuthCode(const QString &code, qint64 nowMs);

    bool pathExists(const QString &path);
    /// Inserts a page whose path is basePath with the collision suffix (1 for none, 2 for
    /// `-2`, …); sets its id.
    bool insertPage(StoredPage *page, const QString &basePath, int suffix);
    /// The highest collision suffix used with this base path; 0 when none.
    int lastSuffix(const QString &basePath);
    bool updatePage(const StoredPage &page);
    std::optional<StoredPage> pageByPath(const QString &path, bool withContent = true);
    int pageCount(qint64 accountId);
    /// The account's pages, newest first, without content.
    QList<StoredPage> pageList(qint64 accountId, int offset, int limit);

    /// Adds count views to the hour bucket starting at hourStartSec (UTC seconds since epoch).
    bool addViews(qint64 pageId, qint64 hourStartSec, qint64 count);
    /// Views in [fromSec, toSec).
    qint64 viewsBetween(qint64 pageId, qint64 fromSec, qint64 toSec);

    bool insertFile(const QString &name, const StoredFile &file);
    std::optional<StoredFile> file(const QString &name);

private:
    bool exec(const QString &sql);
    QString m_connectionName;
    QSqlDatabase m_db;
};

} // namespace tg::sandbox
