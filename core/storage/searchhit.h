// SPDX-License-Identifier: MIT
#pragma once

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

namespace tg {

/// One result of Find Everywhere: a draft, one of its stored revisions or a cached page of an
/// account, with a snippet of the matching text.
struct SearchHit
{
    enum class Kind
    {
        Draft,
        Revision,
        Page
    };
    Kind kind = Kind::Draft;
    QString draftId;       ///< the draft (Draft, Revision)
    qint64 revisionId = 0; ///< Revision only
    QString account;       ///< the page cache's account key (Page only), e.g. "sandbox:alice"
    QString pagePath;      ///< Page only
    QString pageUrl;       ///< Page only
    QString title;
    /// The text around the match as HTML: escaped, the matched words in <b>…</b>.
    QString snippetHtml;
    QDateTime when;   ///< last modified (Draft), stored (Revision); invalid for a page
    double score = 0; ///< bm25 rank within its kind; lower is better
};

} // namespace tg

Q_DECLARE_METATYPE(tg::SearchHit)
