// SPDX-License-Identifier: MIT
#include "editor/spellingcontroller.h"

#include "content/spellchecker.h"
#include "content/spelltokens.h"
#include "editor/sourceeditor.h"
#include "editor/sourcehighlighter.h"
#include "storage/draftstore.h"

#include <QAction>
#include <QActionGroup>
#include <QFutureWatcher>
#include <QLocale>
#include <QMenu>
#include <QSettings>
#include <QTextBlock>
#include <QtConcurrent>

namespace tg {

namespace {
constexpr int MaxCachedDictionaries = 2;

/// The language's English name without its territory ("Persian"), for the note.
QString languageName(const QString &language)
{
    const QLocale locale(language);
    return locale.language() == QLocale::C ? language
                                           : QLocale::languageToString(locale.language());
}
} // namespace

struct SpellingController::Loaded
{
    std::shared_ptr<SpellChecker> checker;
    QString error;
};

SpellingController::SpellingController(SourceEditor *editor, DraftStore *store, QSettings *settings,
                                       const QString &personalDictionaryPath, QObject *parent)
    : QObject(parent)
    , m_editor(editor)
    , m_store(store)
    , m_settings(settings)
    , m_personal(personalDictionaryPath)
    , m_dictionaries(std::make_unique<SpellDictionaries>())
    , m_defaultLanguage(QLocale().name())
{
    QString error;
    if (!m_personal.load(&error))
        m_note = error; // the dictionary's words are missing, checking goes on without them
    if (m_settings)
        m_enabled = m_settings->value(enabledKey(), true).toBool();

    m_menu = new QMenu(tr("S&pelling"));
    m_menu->setObjectName(QStringLiteral("spellingMenu"));
    m_toggle = m_menu->addAction(tr("&Check Spelling While Typing"));
    m_toggle->setObjectName(QStringLiteral("spellCheckToggle"));
    m_toggle->setCheckable(true);
    m_toggle->setChecked(m_enabled);
    m_toggle->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F7));
    connect(m_toggle, &QAction::toggled, this, &SpellingController::setEnabled);
    m_next = m_menu->addAction(tr("&Next Misspelling"));
    m_next->setObjectName(QStringLiteral("nextMisspellingAction"));
    m_next->setShortcut(QKeySequence(Qt::Key_F7));
    connect(m_next, &QAction::triggered, this, &SpellingController::selectNextMisspelling);
    m_menu->addSeparator();
    m_languageMenu = m_menu->addMenu(tr("&Language"));
    m_languageMenu->setObjectName(QStringLiteral("spellingLanguageMenu"));
    m_languageGroup = new QActionGroup(this);
    m_languageGroup->setExclusive(true);
    connect(m_languageMenu, &QMenu::aboutToShow, this, &SpellingController::fillLanguages);
    if (!SpellChecker::isAvailable()) {
        m_toggle->setEnabled(false);
        m_toggle->setChecked(false);
        m_enabled = false;
    }
    fillLanguages();

    if (m_editor) {
        m_editor->setContextMenuProvider([this](const QTextCursor &at, const QPoint &pos) {
            return createContextMenu(at, pos);
        });
    }
}

SpellingController::~SpellingController()
{
    ++m_generation; // loads still running are dropped when they end
    if (m_editor) {
        m_editor->highlighter()->setSpellChecker(nullptr);
        m_editor->setContextMenuProvider({});
    }
    delete m_menu;
}

const SpellChecker *SpellingController::checker() const
{
    return m_current.get();
}

bool SpellingController::isReady() const
{
    return m_current && m_editor && m_editor->highlighter()->spellChecker() == m_current.get();
}

void SpellingController::setDefaultLanguage(const QString &locale)
{
    m_defaultLanguage = locale;
    if (!m_draftId.isEmpty() || !m_language.isEmpty())
        apply();
}

void SpellingController::setDraft(const QString &draftId)
{
    m_draftId = draftId;
    apply();
}

void SpellingController::setLanguage(const QString &language)
{
    const QString wanted = SpellDictionaries::normalized(language);
    if (m_store && !m_draftId.isEmpty())
        m_store->setOption(m_draftId, optionKey(), wanted);
    m_override = wanted;
    apply();
}

void SpellingController::setEnabled(bool enabled)
{
    if (!SpellChecker::isAvailable())
        enabled = false;
    if (m_toggle->isChecked() != enabled)
        m_toggle->setChecked(enabled); // comes back here through toggled()
    if (m_enabled == enabled)
        return;
    m_enabled = enabled;
    if (m_settings)
        m_settings->setValue(enabledKey(), enabled);
    apply();
}

QString SpellingController::resolvedLanguage() const
{
    const QString wanted = m_override.isEmpty() ? m_defaultLanguage : m_override;
    const QString match = m_dictionaries->bestMatch(wanted);
    if (!match.isEmpty())
        return match;
    // No dictionary: the language named in full ("fa" → fa_IR), for the note and the menu.
    const QString normal =
        SpellDictionaries::normalized(QString(wanted)
                                          .section(QLatin1Char('.'), 0, 0)
                                          .replace(QLatin1Char('-'), QLatin1Char('_')));
    if (normal.isEmpty())
        return QStringLiteral("en_US");
    if (!normal.contains(QLatin1Char('_'))) {
        const QString full = SpellDictionaries::normalized(QLocale(normal).name());
        if (full.section(QLatin1Char('_'), 0, 0) == normal)
            return full;
    }
    return normal;
}

void SpellingController::apply()
{
    if (m_store && !m_draftId.isEmpty())
        m_override = SpellDictionaries::normalized(m_store->option(m_draftId, optionKey()));
    m_language = resolvedLanguage();
    const quint64 generation = ++m_generation;
    if (!m_enabled) {
        use(nullptr);
        setNote(SpellChecker::isAvailable()
                    ? QString()
                    : tr("Spell-checking is not available: this build of the app has no "
                         "Hunspell."));
        return;
    }
    const std::optional<SpellDictionaryInfo> info = m_dictionaries->find(m_language);
    if (!info) {
        use(nullptr);
        setNote(tr("No %1 spelling dictionary is installed; install %2 to check spelling.")
                    .arg(languageName(m_language), SpellDictionaries::packageHint(m_language)));
        return;
    }
    setNote({});
    if (const auto cached = m_loaded.value(m_language)) {
        use(cached);
        Q_EMIT ready(m_language);
        return;
    }
    // The old language's underlines go now; the new ones come when its dictionary is read.
    use(nullptr);
    const QStringList words = m_personal.words();
    const SpellDictionaryInfo dictionary = *info;
    auto *watcher = new QFutureWatcher<Loaded>(this);
    connect(watcher, &QFutureWatcher<Loaded>::finished, this, [this, watcher, generation] {
        const Loaded loaded = watcher->result();
        watcher->deleteLater();
        onLoaded(generation, loaded.checker ? loaded.checker->language() : QString(),
                 loaded.checker, loaded.error);
    });
    watcher->setFuture(QtConcurrent::run([dictionary, words] {
        Loaded out;
        std::unique_ptr<SpellChecker> checker = SpellChecker::load(dictionary, &out.error);
        if (checker) {
            for (const QString &w : words)
                checker->addWord(w);
        }
        out.checker = std::move(checker);
        return out;
    }));
}

void SpellingController::onLoaded(quint64 generation, const QString &language,
                                  std::shared_ptr<SpellChecker> checker, const QString &error)
{
    if (!checker) {
        if (generation == m_generation)
            setNote(error);
        return;
    }
    // Kept for switching back, at most MaxCachedDictionaries (they are large).
    for (auto it = m_loaded.begin();
         it != m_loaded.end() && m_loaded.size() >= MaxCachedDictionaries;) {
        if (it.value() != m_current)
            it = m_loaded.erase(it);
        else
            ++it;
    }
    m_loaded.insert(language, checker);
    if (generation != m_generation || language != m_language)
        return;
    use(checker);
    Q_EMIT ready(language);
}

void SpellingController::use(const std::shared_ptr<SpellChecker> &checker)
{
    m_current = checker;
    if (m_editor)
        m_editor->highlighter()->setSpellChecker(checker.get());
}

void SpellingController::setNote(const QString &note)
{
    m_note = note;
    Q_EMIT noteChanged(note);
}

SpellingController::Misspelling SpellingController::misspellingAt(const QTextCursor &cursor) const
{
    if (!isReady() || cursor.isNull())
        return {};
    const QTextBlock block = cursor.block();
    const int at = cursor.positionInBlock();
    int state = SourceHighlighter::spellStateBefore(block);
    const SpellSyntax syntax =
        m_editor->format() == DraftFormat::Markdown ? SpellSyntax::Markdown : SpellSyntax::Html;
    const QString text = block.text();
    for (const SpellToken &t : spellTokensInLine(text, syntax, state)) {
        if (at < t.start || at > t.start + t.length)
            continue;
        const QString word = text.mid(t.start, t.length);
        if (!m_current->isCorrect(word))
            return {block.position() + t.start, word};
    }
    return {};
}

QStringList SpellingController::suggestionsFor(const QString &word) const
{
    return m_current ? m_current->suggestions(word, MaxMenuSuggestions) : QStringList();
}

bool SpellingController::replace(const Misspelling &m, const QString &with)
{
    if (!m_editor || !m.isValid())
        return false;
    QTextCursor c(m_editor->document());
    c.setPosition(m.position);
    c.setPosition(m.position + int(m.word.size()), QTextCursor::KeepAnchor);
    if (c.selectedText() != m.word)
        return false; // the text changed meanwhile
    c.beginEditBlock();
    c.insertText(with);
    c.endEditBlock();
    return true;
}

bool SpellingController::addToDictionary(const QString &word)
{
    QString error;
    if (!m_personal.add(word, &error)) {
        setNote(error);
        return false;
    }
    for (const auto &checker : std::as_const(m_loaded))
        checker->addWord(word);
    if (m_editor)
        m_editor->highlighter()->rehighlightWord(word);
    return true;
}

void SpellingController::ignore(const QString &word)
{
    for (const auto &checker : std::as_const(m_loaded))
        checker->ignoreWord(word);
    if (m_editor)
        m_editor->highlighter()->rehighlightWord(word);
}

bool SpellingController::selectNextMisspelling()
{
    if (!isReady())
        return false;
    QTextDocument *doc = m_editor->document();
    const QTextCursor from = m_editor->textCursor();
    const int start = from.selectionEnd();
    const SpellSyntax syntax =
        m_editor->format() == DraftFormat::Markdown ? SpellSyntax::Markdown : SpellSyntax::Html;
    const QTextBlock first = doc->findBlock(start);
    // Every block once, from the cursor's to the end and round from the start back to it.
    QTextBlock b = first;
    for (int visited = 0, total = doc->blockCount(); visited <= total; ++visited) {
        int state = SourceHighlighter::spellStateBefore(b);
        const QString text = b.text();
        for (const SpellToken &t : spellTokensInLine(text, syntax, state)) {
            const int position = b.position() + t.start;
            if (visited == 0 && position < start)
                continue;
            if (visited == total && position >= start)
                break;
            if (!m_current->isCorrect(QStringView(text).mid(t.start, t.length))) {
                QTextCursor c(doc);
                c.setPosition(position);
                c.setPosition(position + t.length, QTextCursor::KeepAnchor);
                m_editor->setTextCursor(c);
                m_editor->ensureCursorVisible();
                return true;
            }
        }
        b = b.next().isValid() ? b.next() : doc->begin();
    }
    return false;
}

QMenu *SpellingController::createContextMenu(const QTextCursor &at, const QPoint &pos)
{
    if (!m_editor)
        return nullptr;
    QMenu *menu = m_editor->createStandardContextMenu(pos);
    QAction *firstStandard = menu->actions().value(0);
    const Misspelling m = misspellingAt(at);
    if (m.isValid()) {
        QList<QAction *> entries;
        const QStringList suggestions = suggestionsFor(m.word);
        for (const QString &s : suggestions) {
            auto *a = new QAction(s, menu);
            a->setObjectName(QStringLiteral("spellSuggestion"));
            QFont bold = a->font();
            bold.setBold(true);
            a->setFont(bold);
            connect(a, &QAction::triggered, this, [this, m, s] { replace(m, s); });
            entries.append(a);
        }
        if (suggestions.isEmpty()) {
            auto *none = new QAction(tr("No Suggestions"), menu);
            none->setEnabled(false);
            entries.append(none);
        }
        auto *add = new QAction(tr("&Add to Dictionary"), menu);
        add->setObjectName(QStringLiteral("spellAddToDictionary"));
        const QString word = m.word;
        connect(add, &QAction::triggered, this, [this, word] { addToDictionary(word); });
        auto *ignoreAction = new QAction(tr("&Ignore"), menu);
        ignoreAction->setObjectName(QStringLiteral("spellIgnore"));
        connect(ignoreAction, &QAction::triggered, this, [this, word] { ignore(word); });
        entries << add << ignoreAction;
        menu->insertActions(firstStandard, entries);
        menu->insertSeparator(firstStandard);
    }
    menu->addSeparator();
    menu->addMenu(m_menu);
    return menu;
}

void SpellingController::fillLanguages()
{
    m_dictionaries = std::make_unique<SpellDictionaries>(); // installed since the last look?
    m_languageMenu->clear(); // deletes the old actions, which leave the group
    auto addLanguage = [this](const QString &text, const QString &code, bool checked,
                              bool enabled) {
        QAction *a = m_languageMenu->addAction(text);
        a->setCheckable(true);
        a->setChecked(checked);
        a->setEnabled(enabled);
        a->setData(code);
        a->setObjectName(QStringLiteral("spellLanguage_") +
                         (code.isEmpty() ? QStringLiteral("default") : code));
        m_languageGroup->addAction(a);
        connect(a, &QAction::triggered, this, [this, code] { setLanguage(code); });
        return a;
    };
    const QString byDefault = m_dictionaries->bestMatch(m_defaultLanguage);
    addLanguage(tr("&Default: %1")
                    .arg(SpellDictionaries::displayName(
                        byDefault.isEmpty() ? SpellDictionaries::normalized(m_defaultLanguage)
                                            : byDefault)),
                QString(), m_override.isEmpty(), true);
    m_languageMenu->addSeparator();
    const QStringList languages = m_dictionaries->languages();
    if (!m_language.isEmpty() && !languages.contains(m_language) && !m_override.isEmpty())
        addLanguage(tr("%1 (not installed)").arg(SpellDictionaries::displayName(m_language)),
                    m_language, true, false);
    for (const QString &language : languages)
        addLanguage(SpellDictionaries::displayName(language), language,
                    !m_override.isEmpty() && language == m_language, true);
    if (languages.isEmpty()) {
        QAction *none = m_languageMenu->addAction(
            tr("No dictionaries installed (Debian: hunspell-en-us, hunspell-ru, …)"));
        none->setEnabled(false);
    }
}

} // namespace tg
