// SPDX-License-Identifier: MIT
#pragma once

#include "storage/draft.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

namespace tg {

class DraftStore;

/// A template a new draft can start from: one of the built-in ones or one the writer saved.
struct DraftTemplate
{
    QString id;          ///< "builtin:<name>" for the built-in ones, a UUID for the writer's
    QString name;        ///< what the list shows (translated for the built-in ones)
    QString description; ///< a line about what it is for (built-in ones only)
    QString title;       ///< the title a new draft gets (empty: the writer types one)
    QString body;        ///< the Markdown or HTML source
    DraftFormat format = DraftFormat::Markdown;
    bool builtIn = false; ///< built-in templates cannot be renamed or deleted
};

/// The templates of File → New from Template…: the built-in ones (article, announcement,
/// changelog; Markdown resources) and the ones the writer saved from a draft, kept in the drafts
/// database. Everything that goes in is checked: a name (1–80 characters, no control
/// characters, unique), a text of at most 1 MiB whose page content fits the 64 KiB limit, and at
/// most MaxTemplates of the writer's. Thread-safe (it only talks to the store): the content check
/// converts the text, so the window runs saveDraft() off the GUI thread.
class TemplateStore
{
    Q_DECLARE_TR_FUNCTIONS(tg::TemplateStore)
public:
    static constexpr qsizetype MaxSourceBytes = 1024 * 1024; ///< of a template's text (UTF-8)
    static constexpr int MaxNameChars = 80;
    static constexpr int MaxTemplates = 500; ///< the writer's own templates

    /// `store` is not owned and may be null (only the built-in templates then).
    explicit TemplateStore(DraftStore *store);

    /// The built-in templates, in menu order.
    static QList<DraftTemplate> builtIns();
    /// The built-in templates, then the writer's by name.
    QList<DraftTemplate> templates() const;
    /// The template with this id; nullopt when there is none.
    std::optional<DraftTemplate> find(const QString &id) const;

    /// Keeps the draft's title, text and format as a template named `name` (trimmed). False with
    /// a message naming what is wrong (name, size, count, the database). Converts the text to
    /// measure it: its time grows with the text (at most MaxSourceBytes).
    std::optional<DraftTemplate> saveDraft(const Draft &draft, const QString &name,
                                           QString *error = nullptr) const;
    /// Renames one of the writer's templates; false with a message (built-in, bad or taken name).
    bool rename(const QString &id, const QString &name, QString *error = nullptr) const;
    /// Deletes one of the writer's templates; false with a message (built-in ones stay).
    bool remove(const QString &id, QString *error = nullptr) const;

    /// Why a template name cannot be used (empty when it can); exceptId is the template being
    /// renamed (its own name is not "taken").
    QString checkName(const QString &name, const QString &exceptId = {}) const;
    /// Why this text cannot be a template (empty when it can): over MaxSourceBytes, or page
    /// content over the 64 KiB limit. Converts the text (pure, thread-safe).
    static QString checkText(const QString &body, DraftFormat format);

    /// A new draft (new id, not yet stored) with the template's title, text and format.
    static Draft newDraft(const DraftTemplate &t);

private:
    DraftStore *m_store;
};

} // namespace tg
