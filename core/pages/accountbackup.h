// SPDX-License-Identifier: MIT
#pragma once

#include "api/apierror.h"
#include "api/apitypes.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>

namespace tg {

class PageJob;
class PageListWalker;
class TelegraphClient;

/// What AccountBackup writes and how.
struct BackupOptions
{
    QString directory;     ///< created when missing
    QString accessToken;   ///< the account to back up; empty = the client's token
    int maxConcurrent = 8; ///< getPage requests in flight at most
};

/// Backs up every page of an account into a folder:
///   pages/<path>.json   the page content as node JSON, exactly as the server returned it
///   pages/<path>.md     the content as Markdown, or pages/<path>.html where Markdown would lose
///                       something
///   index.json, index.csv  title, path, URL, views and file names of every page
///   images.txt          the image URLs the pages use, one per line
/// Resumable: each finished page is appended to `.backup-progress`; a new run into the same
/// folder re-reads the list and fetches only the pages not done yet. A completed backup removes
/// the progress file, so the next run refreshes everything.
class AccountBackup : public QObject
{
    Q_OBJECT
public:
    AccountBackup(TelegraphClient *client, const BackupOptions &options, QObject *parent = nullptr);
    ~AccountBackup() override;

    /// Name of the progress file inside the backup folder.
    static QString progressFileName();
    /// A file name (without extension) for a page path that is safe on every file system.
    static QString fileBaseName(const QString &pagePath);

    /// Starts the backup; finished() follows in every case.
    void start();
    /// Stops it; what is done stays done and a later run resumes. finished() follows with a
    /// Cancelled error.
    void cancel();

    bool isRunning() const { return m_running; }
    /// The error that ended the backup (category None on success).
    const ApiError &error() const { return m_error; }
    int totalPages() const { return int(m_pages.size()); }
    /// Pages written in this run.
    int savedPages() const { return m_saved; }
    /// Pages found done by an earlier run and skipped.
    int skippedPages() const { return m_skipped; }
    /// Pages saved as HTML because Markdown would lose something.
    int htmlPages() const { return m_html; }

Q_SIGNALS:
    /// The page list is known: `total` pages, `alreadyDone` of them from an earlier run.
    void listed(int total, int alreadyDone);
    /// Pages done (including skipped ones) of all pages.
    void progress(int done, int total);
    /// One page was written.
    void pageSaved(const QString &path);
    /// The backup ended (see error()).
    void finished();

private:
    void onListed();
    void pump();
    void onPageDone(PageJob *job, int index);
    bool writePage(const Page &page, QString *error);
    bool writeIndex(QString *error);
    void fail(const ApiError &error);
    void finish(const ApiError &error);
    QString filePath(const QString &relative) const;

    TelegraphClient *m_client;
    BackupOptions m_options;
    PageListWalker *m_walker = nullptr;
    QList<Page> m_pages;            ///< from the list (no content)
    QHash<QString, QString> m_done; ///< path → the content file written ("pages/x.md")
    QList<int> m_queue;
    QList<QPointer<PageJob>> m_jobs;
    int m_inFlight = 0;
    int m_saved = 0;
    int m_skipped = 0;
    int m_html = 0;
    bool m_running = false;
    ApiError m_error;
};

} // namespace tg
