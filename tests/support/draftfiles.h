// SPDX-License-Identifier: MIT
#pragma once

#include "storage/draftdatabase.h"
#include "storage/draftstore.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QTest>

namespace tg::test {

/// The bytes of a file (empty when it cannot be read).
inline QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

/// Runs a PRAGMA on the store's own connection, on its worker thread; false when it fails.
inline bool setStorePragma(DraftStore &store, const QString &pragma, QVariant *value = nullptr)
{
    bool ok = false;
    store.run([&](DraftDatabase &db) {
        QSqlQuery q(QSqlDatabase::database(db.connectionName()));
        ok = q.exec(QStringLiteral("PRAGMA ") + pragma);
        if (ok && value && q.next())
            *value = q.value(0);
    });
    return ok;
}

/// Writes count drafts of about 1.5 KB each, whose bodies start with "marker-NNNN|", and one
/// revision of the first, into a closed database file (its log checkpointed into the file).
/// Returns their ids in order.
inline QStringList writeDrafts(const QString &path, int count)
{
    QStringList ids;
    DraftDatabase db;
    if (!db.open(path))
        return ids;
    for (int i = 0; i < count; ++i) {
        Draft d = Draft::create();
        d.title = QStringLiteral("Draft %1").arg(i);
        d.body = QStringLiteral("marker-%1|").arg(i, 4, 10, QLatin1Char('0')) +
                 QString(1500, QLatin1Char('a' + i % 26));
        if (!db.saveDraft(d))
            return {};
        ids << d.id;
    }
    Revision r;
    r.draftId = ids.value(0);
    r.pagePath = QStringLiteral("Draft-0-12-03");
    r.title = QStringLiteral("Draft 0");
    r.body = QStringLiteral("published once");
    if (db.addRevision(r) == 0)
        return {};
    return ids;
}

/// Overwrites the 4 KB page of the file that holds marker (or, with an empty marker, the first
/// page with its header) with garbage, as a failing disk would.
inline bool damagePageHolding(const QString &path, const QByteArray &marker)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadWrite))
        return false;
    const QByteArray bytes = f.readAll();
    const qsizetype at = marker.isEmpty() ? 0 : bytes.indexOf(marker);
    if (at < 0)
        return false;
    const qint64 pageSize = 4096;
    return f.seek(at / pageSize * pageSize) && f.write(QByteArray(pageSize, '\x5a')) == pageSize &&
           f.flush();
}

} // namespace tg::test
