// SPDX-License-Identifier: MIT
#include "storage/draftsearch.h"

#include "storage/searchquery.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace tg {

namespace {

// Snippets of about 16 words around the best-matching column, matches between control marks
// that SearchQuery::markedToHtml() turns into escaped HTML. Titles weigh more than texts.
const QString DraftSql = QStringLiteral(
    "SELECT d.id, d.title, d.modified, snippet(draft_search, -1, char(2), char(3), '…', 16), "
    "bm25(draft_search, 4.0, 1.0) AS score FROM draft_search JOIN drafts d ON d.rowid = "
    "draft_search.rowid WHERE draft_search MATCH ? AND d.trashed = 0 ORDER BY score LIMIT ?");
const QString RevisionSql = QStringLiteral(
    "SELECT r.id, r.draft_id, r.title, r.created, snippet(revision_search, -1, char(2), "
    "char(3), '…', 16), bm25(revision_search, 4.0, 1.0) AS score FROM revision_search JOIN "
    "revisions r ON r.id = revision_search.rowid JOIN drafts d ON d.id = r.draft_id WHERE "
    "revision_search MATCH ? AND d.trashed = 0 ORDER BY score LIMIT ?");

} // namespace

bool DraftSearch::isIndexed(const QSqlDatabase &db)
{
    QSqlQuery q(db);
    return q.exec(QStringLiteral("SELECT value FROM meta WHERE key='search_index'")) && q.next() &&
           q.value(0).toString() == QLatin1String("on");
}

bool DraftSearch::search(const QSqlDatabase &db, const QString &match, int limit,
                         QList<SearchHit> *hits, QString *error)
{
    if (match.isEmpty())
        return true;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(DraftSql);
    q.addBindValue(match);
    q.addBindValue(limit);
    if (!q.exec()) {
        if (error)
            *error = q.lastError().text();
        return false;
    }
    while (q.next()) {
        SearchHit h;
        h.kind = SearchHit::Kind::Draft;
        h.draftId = q.value(0).toString();
        h.title = q.value(1).toString();
        h.when = QDateTime::fromMSecsSinceEpoch(q.value(2).toLongLong(), Qt::UTC);
        h.snippetHtml = SearchQuery::markedToHtml(q.value(3).toString());
        h.score = q.value(4).toDouble();
        hits->append(h);
    }
    q.finish();
    q.prepare(RevisionSql);
    q.addBindValue(match);
    q.addBindValue(limit);
    if (!q.exec()) {
        if (error)
            *error = q.lastError().text();
        return false;
    }
    while (q.next()) {
        SearchHit h;
        h.kind = SearchHit::Kind::Revision;
        h.revisionId = q.value(0).toLongLong();
        h.draftId = q.value(1).toString();
        h.title = q.value(2).toString();
        h.when = QDateTime::fromMSecsSinceEpoch(q.value(3).toLongLong(), Qt::UTC);
        h.snippetHtml = SearchQuery::markedToHtml(q.value(4).toString());
        h.score = q.value(5).toDouble();
        hits->append(h);
    }
    return true;
}

} // namespace tg
