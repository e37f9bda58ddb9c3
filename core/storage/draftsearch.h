// SPDX-License-Identifier: MIT
#pragma once

#include "storage/searchhit.h"

#include <QList>
#include <QString>

class QSqlDatabase;

namespace tg {

/// Reads the drafts database's search index (see DraftDatabase, schema 4): drafts and their
/// revisions whose title or text match, trashed drafts left out. Works on any connection to the
/// file, so searches can run on their own read connection while the store writes.
class DraftSearch
{
public:
    /// True when the file has a search index that is kept up to date.
    static bool isIndexed(const QSqlDatabase &db);
    /// Drafts, then revisions, each best match first, at most `limit` of each. `match` is an
    /// FTS5 expression from SearchQuery::matchExpression(). False with *error on an SQL error.
    static bool search(const QSqlDatabase &db, const QString &match, int limit,
                       QList<SearchHit> *hits, QString *error = nullptr);
};

} // namespace tg
