// SPDX-License-Identifier: MIT
#pragma once

#include "content/personaldictionary.h"
#include "content/spelldictionaries.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTextCursor>

#include <memory>

class QAction;
class QActionGroup;
class QMenu;
class QSettings;

namespace tg {

class DraftStore;
class SourceEditor;
class SpellChecker;

/// Spell-checking as you type in the source editor: loads the open draft's dictionary off the
/// GUI thread and hands it to the editor's highlighter (red wavy underlines), puts suggestions,
/// "Add to Dictionary" and "Ignore" at the top of the editor's context menu, and keeps the
/// Spelling menu (on/off, the draft's language). The language is a per-draft option
/// (spellLanguage), by default the dictionary of the UI language; a language without an installed
/// dictionary gives a note (noteChanged()) and no underlines, never an error.
class SpellingController : public QObject
{
    Q_OBJECT
public:
    /// The draft option holding the draft's spelling language ("ru_RU"; unset: the default).
    static QString optionKey() { return QStringLiteral("spellLanguage"); }
    /// The setting that turns checking on or off (on when unset).
    static QString enabledKey() { return QStringLiteral("spelling/enabled"); }

    /// Works on editor's text, reads and writes the drafts' languages in store, the on/off
    /// setting in settings and the writer's words in personalDictionaryPath (none of them owned).
    SpellingController(SourceEditor *editor, DraftStore *store, QSettings *settings,
                       const QString &personalDictionaryPath, QObject *parent = nullptr);
    ~SpellingController() override;

    /// The UI language ("ru", "de_DE"); drafts without a language of their own use its
    /// dictionary. The default locale's name until set.
    void setDefaultLanguage(const QString &locale);
    /// The draft now open: its language applies (and the note is said again when it is missing).
    void setDraft(const QString &draftId);
    QString draftId() const { return m_draftId; }

    /// The open draft's language ("en_US", or one without a dictionary such as "fa_IR").
    QString language() const { return m_language; }
    /// Sets the open draft's language and stores it with the draft; empty goes back to the
    /// default.
    void setLanguage(const QString &language);

    bool isEnabled() const { return m_enabled; }
    void setEnabled(bool enabled);
    /// True once the open draft's dictionary is loaded and its words are underlined.
    bool isReady() const;
    /// What the writer is told (no dictionary for the language); empty when all is well.
    QString note() const { return m_note; }

    /// Edit → Spelling: the on/off toggle, Next Misspelling and the language list.
    QMenu *menu() const { return m_menu; }
    QAction *toggleAction() const { return m_toggle; }
    QAction *nextAction() const { return m_next; }

    /// A misspelled word in the document: where it starts and what it is.
    struct Misspelling
    {
        int position = -1;
        QString word;
        bool isValid() const { return position >= 0 && !word.isEmpty(); }
    };
    /// The misspelled word the cursor is in or touches (invalid when none, or when off).
    Misspelling misspellingAt(const QTextCursor &cursor) const;
    /// Up to MaxMenuSuggestions spellings for a word.
    QStringList suggestionsFor(const QString &word) const;
    static constexpr int MaxMenuSuggestions = 6;
    /// Replaces a misspelling (if the text there is still the word) as one undo step.
    bool replace(const Misspelling &misspelling, const QString &with);
    /// Adds the word to the personal dictionary (every language, kept on disk) and takes its
    /// underlines away; false with a note when it could not be stored.
    bool addToDictionary(const QString &word);
    /// Accepts the word until the app quits.
    void ignore(const QString &word);
    /// Selects the next misspelled word after the cursor (wrapping around); false when none.
    bool selectNextMisspelling();

    /// The editor's context menu for a place: spelling entries on top when a misspelled word is
    /// there, the standard entries, and the Spelling submenu. The caller owns it.
    QMenu *createContextMenu(const QTextCursor &at, const QPoint &pos);

    const PersonalDictionary &personalDictionary() const { return m_personal; }
    /// The dictionaries found (scanned again each time the Spelling menu opens).
    const SpellDictionaries &dictionaries() const { return *m_dictionaries; }
    /// The checker in use (null while off, loading or missing).
    const SpellChecker *checker() const;

Q_SIGNALS:
    /// The note changed or was said again (on every draft opened); empty: no note.
    void noteChanged(const QString &note);
    /// The dictionary of language is loaded and the editor underlines with it.
    void ready(const QString &language);

private:
    struct Loaded;
    void apply();
    void setNote(const QString &note);
    void onLoaded(quint64 generation, const QString &language,
                  std::shared_ptr<SpellChecker> checker, const QString &error);
    void use(const std::shared_ptr<SpellChecker> &checker);
    void fillLanguages();
    QString resolvedLanguage() const;

    QPointer<SourceEditor> m_editor;
    DraftStore *m_store;
    QSettings *m_settings;
    PersonalDictionary m_personal;
    std::unique_ptr<SpellDictionaries> m_dictionaries;
    QString m_defaultLanguage;
    QString m_draftId;
    QString m_language;
    QString m_override; ///< the open draft's own language (its option); empty: the default
    QString m_note;
    bool m_enabled = true;
    quint64 m_generation = 0;
    /// Loaded dictionaries by language (the one in use and the last other one).
    QHash<QString, std::shared_ptr<SpellChecker>> m_loaded;
    std::shared_ptr<SpellChecker> m_current;
    QMenu *m_menu = nullptr;
    QMenu *m_languageMenu = nullptr;
    QAction *m_toggle = nullptr;
    QAction *m_next = nullptr;
    QActionGroup *m_languageGroup = nullptr;
};

} // namespace tg
