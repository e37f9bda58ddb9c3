// SPDX-License-Identifier: MIT
#pragma once

#include <QDateTime>
#include <QString>

namespace tg {

/// The source language a draft is written in.
enum class DraftFormat
{
    Markdown = 0,
    Html = 1
};

/// One document as the writer keeps it locally: the source text and the page it publishes to.
/// Identified by a UUID created on the client, so a draft exists from its first keystroke without
/// waiting for the database.
struct Draft
{
    QString id; ///< UUID without braces
    QString title;
    QString authorName;
    QString authorUrl;
    QString body; ///< the Markdown or HTML source
    DraftFormat format = DraftFormat::Markdown;
    QString pagePath; ///< Telegraph path once published; empty before
    QString pageUrl;
    QDateTime created;
    QDateTime modified;
    bool trashed = false;

    /// A fresh draft with a new id and both timestamps set to now.
    static Draft create(DraftFormat format = DraftFormat::Markdown);

    /// Same document content (ignores timestamps and trash state).
    bool sameContent(const Draft &other) const;
};

} // namespace tg
