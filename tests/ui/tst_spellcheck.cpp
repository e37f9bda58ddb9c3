// SPDX-License-Identifier: MIT
// Spell-checking as you type in the real main window, with the real Hunspell library and the
// dictionaries in /usr/share/hunspell: misspelled prose is underlined, code, URLs and link targets
// are not; the context menu's suggestion replaces the word as one undo step, Add to Dictionary
// and Ignore take the underline away; each draft keeps its language; a language without a
// dictionary (Persian) gives a note and no underlines.
#include "content/spellchecker.h"
#include "editor/editorpane.h"
#include "editor/sourceeditor.h"
#include "editor/spellingcontroller.h"
#include "testmain.h"
#include "uitestwindow.h"
#include "window/messagearea.h"

#include <QAction>
#include <QApplication>
#include <QFile>
#include <QLocale>
#include <QMenu>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTextBlock>
#include <QTextLayout>

#include <sys/stat.h>

using namespace tg;

namespace {

/// Whether the text at [position, position + length) carries the spelling underline.
bool underlined(QTextDocument *doc, int position, int length)
{
    const QTextBlock block = doc->findBlock(position);
    if (!block.isValid() || !block.layout())
        return false;
    const int start = position - block.position();
    for (const QTextLayout::FormatRange &r : block.layout()->formats()) {
        if (r.format.underlineStyle() == QTextCharFormat::SpellCheckUnderline && r.start <= start &&
            r.start + r.length >= start + length)
            return true;
    }
    return false;
}

bool wordUnderlined(SourceEditor *ed, const QString &word)
{
    const int at = int(ed->toPlainText().indexOf(word));
    return at >= 0 && underlined(ed->document(), at, int(word.size()));
}

QTextCursor cursorIn(SourceEditor *ed, const QString &word)
{
    QTextCursor c(ed->document());
    c.setPosition(int(ed->toPlainText().indexOf(word)) + 1);
    return c;
}

QAction *action(QMenu *menu, const QString &name, const QString &text = {})
{
    for (QAction *a : menu->actions()) {
        if (a->objectName() == name && (text.isEmpty() || a->text() == text))
            return a;
    }
    return nullptr;
}

const QString Persian = QStringLiteral("fa_IR");

} // namespace

class TestSpellCheck : public QObject
{
    Q_OBJECT

    struct Window
    {
        test::UiTestWindow ui;
        MainWindow *w = nullptr;
        SourceEditor *ed = nullptr;
        SpellingController *spelling = nullptr;
        bool open()
        {
            if (!ui.open())
                return false;
            w = ui.window.get();
            ed = w->editorPane()->editor();
            spelling = w->spelling();
            return spelling != nullptr;
        }
    };

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        qunsetenv("TELEGRAPH_DICT_DIR");
        QVERIFY2(SpellChecker::isAvailable(), "built without Hunspell");
        // The UI language is English unless a test says otherwise.
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }

    void misspelledWord_isUnderlined_codeUrlsAndLinkTargetsAreNot()
    {
        Window t;
        QVERIFY(t.open());
        QTRY_VERIFY(t.spelling->isReady());
        QCOMPARE(t.spelling->language(), QStringLiteral("en_US"));
        t.ed->setPlainText(QStringLiteral(
            "Helo wrold, fine words.\n"
            "see https://exampel.com/wrongpth and `wrngcode` and [text](http://x.y/wrngtarget)\n"
            "```\nwrngfence\n```\n"
            "<span class=\"wrngclass\">Tagg</span>"));
        QVERIFY(wordUnderlined(t.ed, QStringLiteral("Helo")));
        QVERIFY(wordUnderlined(t.ed, QStringLiteral("wrold")));
        QVERIFY(wordUnderlined(t.ed, QStringLiteral("Tagg")));
        QVERIFY(!wordUnderlined(t.ed, QStringLiteral("fine")));
        QVERIFY(!wordUnderlined(t.ed, QStringLiteral("exampel")));
        QVERIFY(!wordUnderlined(t.ed, QStringLiteral("wrngcode")));
        QVERIFY(!wordUnderlined(t.ed, QStringLiteral("wrngtarget")));
        QVERIFY(!wordUnderlined(t.ed, QStringLiteral("wrngfence")));
        QVERIFY(!wordUnderlined(t.ed, QStringLiteral("wrngclass")));

        // Typing a fix takes the underline away (the block is coloured again).
        QTextCursor c = cursorIn(t.ed, QStringLiteral("Helo"));
        c.setPosition(3);
        c.insertText(QStringLiteral("l"));
        QVERIFY(!wordUnderlined(t.ed, QStringLiteral("Hello")));
    }

    void contextMenuSuggestion_replacesTheWord_undoRestoresIt()
    {
        Window t;
        QVERIFY(t.open());
        QTRY_VERIFY(t.spelling->isReady());
        t.ed->setPlainText(QStringLiteral("A helo there"));
        std::unique_ptr<QMenu> menu(
            t.spelling->createContextMenu(cursorIn(t.ed, QStringLiteral("helo")), QPoint(5, 5)));
        QVERIFY(menu);
        QAction *hello =
            action(menu.get(), QStringLiteral("spellSuggestion"), QStringLiteral("hello"));
        QVERIFY2(hello, "hello is among the suggestions");
        int suggestions = 0;
        for (QAction *a : menu->actions())
            suggestions += a->objectName() == QLatin1String("spellSuggestion");
        QVERIFY(suggestions <= SpellingController::MaxMenuSuggestions);
        QVERIFY(action(menu.get(), QStringLiteral("spellAddToDictionary")));
        QVERIFY(action(menu.get(), QStringLiteral("spellIgnore")));
        QVERIFY(menu->actions().contains(t.spelling->menu()->menuAction()));
        hello->trigger();
        QCOMPARE(t.ed->toPlainText(), QStringLiteral("A hello there"));
        t.ed->undo();
        QCOMPARE(t.ed->toPlainText(), QStringLiteral("A helo there"));

        // A correct word gets no spelling entries, only the standard ones and the submenu.
        std::unique_ptr<QMenu> plain(
            t.spelling->createContextMenu(cursorIn(t.ed, QStringLiteral("there")), QPoint(5, 5)));
        QVERIFY(!action(plain.get(), QStringLiteral("spellAddToDictionary")));
        QVERIFY(plain->actions().contains(t.spelling->menu()->menuAction()));
    }

    void addToDictionary_removesTheUnderline_andKeepsTheWordOwnerOnly()
    {
        Window t;
        QVERIFY(t.open());
        QTRY_VERIFY(t.spelling->isReady());
        const QString word = QStringLiteral("Frobnitzery");
        t.ed->setPlainText(word + QStringLiteral(" is fine.\nAgain ") + word);
        QVERIFY(wordUnderlined(t.ed, word));
        std::unique_ptr<QMenu> menu(t.spelling->createContextMenu(cursorIn(t.ed, word), QPoint()));
        QAction *add = action(menu.get(), QStringLiteral("spellAddToDictionary"));
        QVERIFY(add);
        add->trigger();
        QVERIFY(!wordUnderlined(t.ed, word));
        QVERIFY(!underlined(t.ed->document(), int(t.ed->toPlainText().lastIndexOf(word)),
                            int(word.size())));

        const QString path = t.ui.dir.filePath(PersonalDictionary::defaultFileName());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), word.toUtf8() + '\n');
        struct stat st = {};
        QCOMPARE(::stat(QFile::encodeName(path).constData(), &st), 0);
        QCOMPARE(int(st.st_mode & 0777), 0600);
    }

    void ignore_removesTheUnderline()
    {
        Window t;
        QVERIFY(t.open());
        QTRY_VERIFY(t.spelling->isReady());
        t.ed->setPlainText(QStringLiteral("Zorblax here"));
        QVERIFY(wordUnderlined(t.ed, QStringLiteral("Zorblax")));
        std::unique_ptr<QMenu> menu(
            t.spelling->createContextMenu(cursorIn(t.ed, QStringLiteral("Zorblax")), QPoint()));
        action(menu.get(), QStringLiteral("spellIgnore"))->trigger();
        QVERIFY(!wordUnderlined(t.ed, QStringLiteral("Zorblax")));
        QVERIFY(t.spelling->personalDictionary().words().isEmpty()); // not kept on disk
    }

    void languagePerDraft_isKeptWhenSwitchingDrafts()
    {
        Window t;
        QVERIFY(t.open());
        if (!t.spelling->dictionaries().find(QStringLiteral("ru_RU")))
            QFAIL("no ru_RU dictionary: install hunspell-ru");
        Draft russian = Draft::create();
        russian.title = QStringLiteral("ru");
        russian.body = QStringLiteral(
            "\u041F\u0440\u0438\u0432\u0435\u0442 \u043F\u0440\u0435\u0432\u0435\u0442");
        Draft english = Draft::create();
        english.title = QStringLiteral("en");
        english.body = QStringLiteral("Hello helo");
        t.ui.store->save(russian);
        t.ui.store->save(english);

        QVERIFY(t.w->openDraft(russian.id));
        QTRY_VERIFY(t.spelling->isReady());
        QCOMPARE(t.spelling->language(), QStringLiteral("en_US"));
        // Edit → Spelling → Language → Russian.
        QMenu *languages =
            t.spelling->menu()->findChild<QMenu *>(QStringLiteral("spellingLanguageMenu"));
        QVERIFY(languages);
        Q_EMIT languages->aboutToShow();
        QAction *ru = action(languages, QStringLiteral("spellLanguage_ru_RU"));
        QVERIFY(ru);
        QSignalSpy ready(t.spelling, &SpellingController::ready);
        ru->trigger();
        QVERIFY(ready.wait(20000) || t.spelling->isReady());
        QCOMPARE(t.spelling->language(), QStringLiteral("ru_RU"));
        QVERIFY(!wordUnderlined(t.ed, QStringLiteral("\u041F\u0440\u0438\u0432\u0435\u0442")));
        QVERIFY(wordUnderlined(t.ed, QStringLiteral("\u043F\u0440\u0435\u0432\u0435\u0442")));
        QCOMPARE(t.ui.store->option(russian.id, SpellingController::optionKey()),
                 QStringLiteral("ru_RU"));

        QVERIFY(t.w->openDraft(english.id));
        QCOMPARE(t.spelling->language(), QStringLiteral("en_US"));
        QTRY_VERIFY(t.spelling->isReady());
        QVERIFY(wordUnderlined(t.ed, QStringLiteral("helo")));
        QVERIFY(!wordUnderlined(t.ed, QStringLiteral("Hello")));

        QVERIFY(t.w->openDraft(russian.id));
        QCOMPARE(t.spelling->language(), QStringLiteral("ru_RU"));
        QTRY_VERIFY(t.spelling->isReady());
        QVERIFY(wordUnderlined(t.ed, QStringLiteral("\u043F\u0440\u0435\u0432\u0435\u0442")));
        Q_EMIT languages->aboutToShow();
        QVERIFY(action(languages, QStringLiteral("spellLanguage_ru_RU"))->isChecked());
    }

    void uiLanguage_isTheDefault()
    {
        Window t;
        QVERIFY(t.open());
        t.spelling->setDefaultLanguage(QStringLiteral("ru"));
        QCOMPARE(t.spelling->language(), QStringLiteral("ru_RU"));
        QTRY_VERIFY(t.spelling->isReady());
        QCOMPARE(t.ui.store->option(t.spelling->draftId(), SpellingController::optionKey()),
                 QString()); // the default is not written into the draft
    }

    void missingDictionary_showsANote_andNoUnderlines()
    {
        Window t;
        QVERIFY(t.open());
        if (t.spelling->dictionaries().find(Persian))
            QSKIP("a Persian dictionary is installed (myspell-fa): nothing is missing");
        QTRY_VERIFY(t.spelling->isReady());
        t.ed->setPlainText(QStringLiteral("helo \u0633\u0644\u0627\u0645"));
        QVERIFY(wordUnderlined(t.ed, QStringLiteral("helo")));
        QSignalSpy notes(t.spelling, &SpellingController::noteChanged);
        t.spelling->setLanguage(Persian);
        QCOMPARE(t.spelling->language(), Persian);
        QVERIFY(!t.spelling->isReady());
        QVERIFY(!wordUnderlined(t.ed, QStringLiteral("helo")));
        QVERIFY(!notes.isEmpty());
        const QString note = t.spelling->note();
        QVERIFY2(note.contains(QStringLiteral("Persian")) &&
                     note.contains(QStringLiteral("myspell-fa")),
                 qPrintable(note));
        QCOMPARE(t.w->messages()->text(), note);
        QVERIFY(!t.w->messages()->generalLine()->isError() || t.w->messages()->text() != note);

        // The menu shows the missing language as chosen and not installed.
        QMenu *languages =
            t.spelling->menu()->findChild<QMenu *>(QStringLiteral("spellingLanguageMenu"));
        Q_EMIT languages->aboutToShow();
        QAction *fa = action(languages, QStringLiteral("spellLanguage_fa_IR"));
        QVERIFY(fa && fa->isChecked() && !fa->isEnabled());

        // Said again when the draft is opened again, gone with the default language.
        const QString id = t.spelling->draftId();
        t.w->saveNow();
        QVERIFY(t.ui.store->flush());
        t.w->newDraft();
        QVERIFY(t.w->messages()->text() != note);
        QVERIFY(t.w->openDraft(id));
        QCOMPARE(t.w->messages()->text(), note);
        t.spelling->setLanguage(QString());
        QVERIFY(t.spelling->note().isEmpty());
        QVERIFY(t.w->messages()->text() != note);
        QTRY_VERIFY(t.spelling->isReady());
        QVERIFY(wordUnderlined(t.ed, QStringLiteral("helo")));
    }

    void persianUiLanguage_withoutDictionary_showsTheNote()
    {
        Window t;
        QVERIFY(t.open());
        if (t.spelling->dictionaries().find(Persian))
            QSKIP("a Persian dictionary is installed (myspell-fa): nothing is missing");
        t.spelling->setDefaultLanguage(QStringLiteral("fa"));
        QCOMPARE(t.spelling->language(), Persian);
        QVERIFY(t.spelling->note().contains(QStringLiteral("myspell-fa")));
        QVERIFY(!t.spelling->isReady());
    }

    void toggleOff_removesUnderlines_andIsRemembered()
    {
        Window t;
        QVERIFY(t.open());
        QTRY_VERIFY(t.spelling->isReady());
        t.ed->setPlainText(QStringLiteral("helo"));
        QVERIFY(wordUnderlined(t.ed, QStringLiteral("helo")));
        QAction *toggle = t.spelling->toggleAction();
        QCOMPARE(toggle->shortcut(), QKeySequence(QStringLiteral("Shift+F7")));
        QVERIFY(toggle->isChecked());
        toggle->trigger();
        QVERIFY(!t.spelling->isEnabled());
        QVERIFY(!wordUnderlined(t.ed, QStringLiteral("helo")));
        QCOMPARE(t.ui.settings->value(SpellingController::enabledKey()).toBool(), false);
        std::unique_ptr<QMenu> menu(
            t.spelling->createContextMenu(cursorIn(t.ed, QStringLiteral("helo")), QPoint()));
        QVERIFY(!action(menu.get(), QStringLiteral("spellAddToDictionary")));
        toggle->trigger();
        QTRY_VERIFY(t.spelling->isReady());
        QVERIFY(wordUnderlined(t.ed, QStringLiteral("helo")));
    }

    void nextMisspelling_selectsEachInTurn_andWraps()
    {
        Window t;
        QVERIFY(t.open());
        QTRY_VERIFY(t.spelling->isReady());
        t.ed->setPlainText(QStringLiteral("good helo fine\n`wrngcode`\nmore wrold"));
        QTextCursor c(t.ed->document());
        t.ed->setTextCursor(c);
        QAction *next = t.spelling->nextAction();
        QCOMPARE(next->shortcut(), QKeySequence(Qt::Key_F7));
        next->trigger();
        QCOMPARE(t.ed->textCursor().selectedText(), QStringLiteral("helo"));
        next->trigger();
        QCOMPARE(t.ed->textCursor().selectedText(), QStringLiteral("wrold"));
        next->trigger();
        QCOMPARE(t.ed->textCursor().selectedText(), QStringLiteral("helo"));
        t.ed->setPlainText(QStringLiteral("all good"));
        QVERIFY(!t.spelling->selectNextMisspelling());
    }
};

int main(int argc, char **argv)
{
    tg::test::applyHeadlessDefaults();
    QApplication app(argc, argv);
    TestSpellCheck tc;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&tc, argc, argv);
}

#include "tst_spellcheck.moc"
