// SPDX-License-Identifier: MIT
#pragma once

#include "storage/draft.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace tg {

/// A snapshot stored locally each time a page is published or updated: Telegraph itself keeps
/// no history, so this is the only way back to an earlier version.
struct Revision
{
    qint64 id = 0; ///< assigned by the database
    QString draftId;
    QString pagePath;
    QString pageUrl;
    QDateTime created;
    QString title;
    QString authorName;
    QString authorUrl;
    QString body;
    DraftFormat format = DraftFormat::Markdown;
    QByteArray contentJson; ///< the node JSON that was sent
};

} // namespace tg
