// SPDX-License-Identifier: MIT
#pragma once

#include "workflow/contentconverter.h"
#include "workflow/publishflow.h"

#include <QFutureWatcher>

#include <optional>

namespace tg {

class DraftStore;

/// What a publish works on: the draft as it is now (title, author, body, format, page path, id)
/// and, when the caller converted it already (the command line's --nodes/--html sources), its
/// content.
struct PublishInput
{
    Draft draft;
    std::optional<NodeList> content; ///< empty: converted from draft.body off the GUI thread
    bool returnContent = false;      ///< the server answers with the content too
    /// A first publish creates the page under a random title, so that its path (made from the
    /// title) cannot be guessed, then sets the real title; ignored for an update.
    bool privateLink = false;
};

/// Publishes a draft as a new page (no page path yet) or an update of its page: converts the
/// snapshot once, off the calling thread; validates it (refused with the specific reason,
/// nothing sent; over the page limit the result says tooLong and carries the content, so a
/// series can take it); saves the draft; sends createPage/editPage; records a revision whose
/// content is exactly what was sent; and sets the draft's page path and URL. Without a drafts
/// store only the page is published.
///
/// With PublishInput::privateLink a first publish takes two steps: createPage under a random
/// title (the path cannot be guessed from the real one), recorded in the draft at once, then
/// editPage with the real title. When the second step fails the result says so (titlePending)
/// and the draft keeps the page: publishing again only edits it, no second page is made.
class DraftPublishFlow : public PublishFlow
{
    Q_OBJECT
public:
    /// The draft option that asks for a private link on the first publish ("1": yes).
    static QString privateLinkOption() { return QStringLiteral("privateLink"); }
    /// The draft option that marks a private link whose real title is not set yet.
    static QString titlePendingOption() { return QStringLiteral("privateLinkTitlePending"); }
    /// A random page title of 20 base32 characters (100 bits) from the system's generator.
    static QString randomTitle();

    /// `store` may be null (nothing saved, no revision); neither is owned.
    DraftPublishFlow(TelegraphClient *client, DraftStore *store, QObject *parent = nullptr);
    ~DraftPublishFlow() override;

    /// Starts; finished() follows. False (nothing happens) while busy.
    bool publish(const PublishInput &input);
    QString title() const override;

Q_SIGNALS:
    /// A private link's page was created and recorded in the draft (its title comes next).
    void pageCreated(const QString &draftId, const QString &path, const QString &url);

protected:
    PublishResult::Kind kind() const override { return PublishResult::Kind::Publish; }
    void cancelIdle() override;

private:
    void onConverted(const NodeList &nodes, const ContentIssue &error, bool tooLong);
    void send();
    void onSent(const Page &page, const QByteArray &json);
    void sendPrivate();
    void onPrivateCreated(const Page &page);
    /// The draft in the store with this page (its newest text), saved.
    void recordPage(const QString &path, const QString &url);

    DraftStore *m_store;
    PublishInput m_input;
    NodeList m_nodes;
    bool m_updating = false; ///< the publish edits a page readers may have seen
    QFutureWatcher<ConversionResult> m_watcher;
};

} // namespace tg
