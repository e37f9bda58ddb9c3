// SPDX-License-Identifier: MIT
#pragma once

#include "storage/draft.h"

#include <QDateTime>
#include <QString>

namespace tg {

/// A template the writer saved from a draft, as the drafts database keeps it: a name to pick it
/// by and the title, source text and format a new draft made from it starts with.
struct StoredTemplate
{
    QString id; ///< UUID without braces
    QString name;
    QString title;
    QString body;
    DraftFormat format = DraftFormat::Markdown;
    QDateTime created;
};

} // namespace tg
