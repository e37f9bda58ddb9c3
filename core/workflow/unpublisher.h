// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QPointer>
#include <QString>

namespace tg {

class ApiJob;
class DraftStore;
class TelegraphClient;
struct ApiError;

/// Telegraph has no delete: "unpublishing" replaces a page's content with a short notice. The
/// content it had is kept first, locally: as a revision of the draft the page belongs to (a new
/// draft made from the page when there is none; an existing draft's text is never touched), so
/// it can be published back with restore() or from the draft's revisions.
class Unpublisher : public QObject
{
    Q_OBJECT
public:
    /// Neither is owned.
    Unpublisher(TelegraphClient *client, DraftStore *drafts, QObject *parent = nullptr);
    ~Unpublisher() override;

    /// The notice offered by default.
    static QString defaultNotice();
    /// Longest notice accepted, in characters.
    static constexpr int MaxNoticeLength = 2000;

    /// Fetches the page, keeps its content as a revision, then replaces the content with the
    /// notice (title and author stay). False when busy or the notice is empty or too long (then
    /// failed() says why). The client's token is used.
    bool unpublish(const QString &path, const QString &notice);
    /// Publishes a kept revision's content back to its page. False when busy or the revision
    /// does not exist.
    bool restore(qint64 revisionId);
    bool isBusy() const { return !m_job.isNull(); }
    /// Stops the running step; failed() follows.
    void cancel();

Q_SIGNALS:
    /// What is being done ("Keeping the current content…").
    void progress(const QString &message);
    /// The page shows the notice; its former content is revision `revisionId` of `draftId`.
    void unpublished(const QString &path, const QString &draftId, qint64 revisionId);
    /// The page shows its kept content again.
    void restored(const QString &path);
    /// A step failed; `message` says which and whether the page changed.
    void failed(const QString &message);

private:
    void fail(const QString &what, const ApiError &error);
    void keepAndReplace(const QString &path, const QString &notice);

    TelegraphClient *m_client;
    DraftStore *m_drafts;
    QPointer<ApiJob> m_job;
};

} // namespace tg
