// SPDX-License-Identifier: MIT
#pragma once

#include "workflow/publishflow.h"

namespace tg {

class DraftStore;

/// Telegraph has no delete: "unpublishing" replaces a page's content with a short notice. The
/// content it had is kept first, locally: as a revision of the draft the page belongs to (a new
/// draft made from the page when there is none; an existing draft's text is never touched), so
/// it can be published back with restore() or from the draft's revisions. Cancelled before the
/// edit is sent, the page keeps its content; the kept revision stays either way.
class UnpublishFlow : public PublishFlow
{
    Q_OBJECT
public:
    /// Neither is owned.
    UnpublishFlow(TelegraphClient *client, DraftStore *drafts, QObject *parent = nullptr);

    /// The notice offered by default.
    static QString defaultNotice();
    /// Longest notice accepted, in characters.
    static constexpr int MaxNoticeLength = 2000;

    /// Fetches the page, keeps its content as a revision, then replaces the content with the
    /// notice (title and author stay). False when busy; an empty or too long notice or no page
    /// ends at once with finished() saying why. The client's token is used.
    bool unpublish(const QString &pathOrUrl, const QString &notice);
    /// Publishes a kept revision's content back to its page. False when busy; an unknown
    /// revision ends at once with finished() saying why.
    bool restore(qint64 revisionId);
    QString title() const override;

protected:
    PublishResult::Kind kind() const override { return m_kind; }

private:
    void refuse(const QString &message);
    void keepAndReplace(const Page &page, const QString &notice);

    DraftStore *m_drafts;
    PublishResult::Kind m_kind = PublishResult::Kind::Unpublish;
};

} // namespace tg
