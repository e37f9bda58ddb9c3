// SPDX-License-Identifier: MIT
#pragma once

#include "storage/draft.h"

#include <QFont>
#include <QString>

class QSettings;

namespace tg {

/// Editor preferences: font and how soon after typing stops a draft is saved.
struct EditorSettings
{
    QFont font;
    int autosaveMs = 1000; ///< saved this long after typing stops (and at least every 1 s)
    /// The source format of new drafts (not the format of the draft open before).
    DraftFormat newDraftFormat = DraftFormat::Markdown;

    static EditorSettings load(const QSettings &s);
    void save(QSettings &s) const;
};

/// Preview preferences.
struct PreviewSettings
{
    bool dark = false;
    bool visible = true;

    static PreviewSettings load(const QSettings &s);
    void save(QSettings &s) const;
};

/// The notes shown after publishing that the writer can turn off.
struct PublishNoteSettings
{
    /// After an update: Telegram may show the old version for a while (Instant View, previews).
    bool instantViewNote = true;

    static PublishNoteSettings load(const QSettings &s);
    void save(QSettings &s) const;
};

} // namespace tg
