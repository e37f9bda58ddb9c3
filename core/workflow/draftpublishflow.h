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
};

/// Publishes a draft as a new page (no page path yet) or an update of its page: converts the
/// snapshot once, off the calling thread; validates it (refused with the specific reason,
/// nothing sent; over the page limit the result says tooLong and carries the content, so a
/// series can take it); saves the draft; sends createPage/editPage; records a revision whose
/// content is exactly what was sent; and sets the draft's page path and URL. Without a drafts
/// store only the page is published.
class DraftPublishFlow : public PublishFlow
{
    Q_OBJECT
public:
    /// `store` may be null (nothing saved, no revision); neither is owned.
    DraftPublishFlow(TelegraphClient *client, DraftStore *store, QObject *parent = nullptr);
    ~DraftPublishFlow() override;

    /// Starts; finished() follows. False (nothing happens) while busy.
    bool publish(const PublishInput &input);
    QString title() const override;

protected:
    PublishResult::Kind kind() const override { return PublishResult::Kind::Publish; }
    void cancelIdle() override;

private:
    void onConverted(const NodeList &nodes, const ContentIssue &error, bool tooLong);
    void send();
    void onSent(const Page &page, const QByteArray &json);

    DraftStore *m_store;
    PublishInput m_input;
    NodeList m_nodes;
    QFutureWatcher<ConversionResult> m_watcher;
};

} // namespace tg
