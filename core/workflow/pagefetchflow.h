// SPDX-License-Identifier: MIT
#pragma once

#include "workflow/publishflow.h"

namespace tg {

class DraftStore;

/// Fetches a page with its content for editing and makes a new draft of it: Markdown when that
/// gives back exactly the page's content, else HTML (the message says what Markdown would
/// lose). The draft is saved when a store is given and comes back in PublishResult::draft.
class PageFetchFlow : public PublishFlow
{
    Q_OBJECT
public:
    /// `store` may be null; neither is owned.
    PageFetchFlow(TelegraphClient *client, DraftStore *store, QObject *parent = nullptr);

    /// Starts getPage for a path or page URL; finished() follows. False while busy.
    bool fetch(const QString &pathOrUrl);
    QString title() const override;

protected:
    PublishResult::Kind kind() const override { return PublishResult::Kind::Fetch; }

private:
    DraftStore *m_store;
};

} // namespace tg
