// SPDX-License-Identifier: MIT
#pragma once

#include "storage/searchhit.h"

#include <QList>
#include <QMutex>
#include <QObject>
#include <QString>

class QThread;

namespace tg {

/// What one search found.
struct SearchOutcome
{
    quint64 serial = 0;
    QString text; ///< what was searched for
    /// Drafts, then pages, then revisions, each best first.
    QList<SearchHit> hits;
    /// False when the drafts database has no search index (SQLite without FTS5): nothing can be
    /// searched, drafts work as before.
    bool available = true;
    QString error; ///< an SQL error (the search itself never produces one from the input)
};

/// Where a search's first match lies in a text being opened.
struct SearchLocation
{
    enum class Field
    {
        None,
        Title,
        Body
    };
    quint64 serial = 0;
    Field field = Field::None;
    int start = 0; ///< in UTF-16 units of the field's text
    int length = 0;
};

/// Find Everywhere off the GUI thread: searches the drafts database's index (drafts and
/// revisions) and the page cache's index (the pages of every account) on its own thread and
/// read-only connections, so typing never waits for SQLite. Only the newest request runs: one
/// that is still waiting when a newer one arrives is dropped, and a result that is stale when
/// it is ready is not delivered.
class SearchService : public QObject
{
    Q_OBJECT
public:
    explicit SearchService(QObject *parent = nullptr);
    ~SearchService() override;

    /// The files searched from the next request on; the page cache may be missing.
    void setFiles(const QString &draftsPath, const QString &pageCachePath);
    /// Most results of each kind.
    void setLimit(int perKind);
    /// Starts a search; returns its serial (see finished()).
    quint64 search(const QString &text);
    /// Finds where `text`'s first match lies in a title and a text about to be shown (the text
    /// first); returns the serial of located().
    quint64 locate(const QString &text, const QString &title, const QString &body);
    /// Blocks until the worker is idle (tests and benchmarks).
    void waitIdle();

Q_SIGNALS:
    /// The newest search ended (sent on the service's thread).
    void finished(const tg::SearchOutcome &outcome);
    /// The newest locate() ended.
    void located(const tg::SearchLocation &location);

private:
    struct Request
    {
        bool locate = false;
        quint64 serial = 0;
        QString text;
        QString title;
        QString body;
    };
    void schedule(const Request &request);
    void work();

    QThread *m_thread = nullptr;
    QObject *m_worker = nullptr; ///< lives on m_thread
    class Engine;
    Engine *m_engine = nullptr; ///< used only on m_thread
    mutable QMutex m_mutex;
    quint64 m_serial = 0;
    quint64 m_newestSearch = 0;
    quint64 m_newestLocate = 0;
    bool m_hasSearch = false;
    bool m_hasLocate = false;
    Request m_search;
    Request m_locate;
    bool m_scheduled = false;
    QString m_draftsPath;
    QString m_pagesPath;
    int m_limit = 30;
};

} // namespace tg

Q_DECLARE_METATYPE(tg::SearchOutcome)
Q_DECLARE_METATYPE(tg::SearchLocation)
