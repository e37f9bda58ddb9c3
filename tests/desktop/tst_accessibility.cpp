// SPDX-License-Identifier: MIT
// Accessibility of the main window: every interactive control has an accessible name, every
// action and control is reachable by keyboard, Tab walks title → author → editor, and the editor
// offers a screen reader its text interface.
#include "accounts/accountworkspace.h"
#include "desktop/desktopapp.h"
#include "editor/editorpane.h"
#include "editor/sourceeditor.h"
#include "testmain.h"
#include "uitestwindow.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSlider>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QSet>
#include <QStandardPaths>
#include <QTabBar>
#include <QTemporaryDir>
#include <QTextEdit>
#include <QToolBar>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace {

/// Controls a user operates (buttons, fields, lists, tables, sliders).
bool isInteractive(const QWidget *w)
{
    return qobject_cast<const QAbstractButton *>(w) || qobject_cast<const QLineEdit *>(w) ||
           qobject_cast<const QComboBox *>(w) || qobject_cast<const QAbstractSpinBox *>(w) ||
           qobject_cast<const QTextEdit *>(w) || qobject_cast<const QPlainTextEdit *>(w) ||
           qobject_cast<const QAbstractItemView *>(w) ||
           (qobject_cast<const QAbstractSlider *>(w) && !qobject_cast<const QScrollBar *>(w));
}

/// Parts Qt builds inside its own composite widgets (a combo box's line edit, a tab bar's scroll
/// buttons, a dock's title buttons, a toolbar's extension arrow); their owner carries the name.
bool isInternalPart(const QWidget *w)
{
    if (w->objectName().startsWith(u"qt_"_s))
        return true;
    const char *cls = w->metaObject()->className();
    if (qstrcmp(cls, "QDockWidgetTitleButton") == 0 || qstrcmp(cls, "QToolBarExtension") == 0 ||
        qstrcmp(cls, "QLineEditIconButton") == 0)
        return true;
    for (const QWidget *p = w->parentWidget(); p; p = p->parentWidget()) {
        if (qobject_cast<const QComboBox *>(p) || qobject_cast<const QAbstractSpinBox *>(p) ||
            qobject_cast<const QTabBar *>(p) || qobject_cast<const QMenu *>(p) ||
            qobject_cast<const QAbstractItemView *>(p) || qobject_cast<const QScrollBar *>(p))
            return true;
        if (p->isWindow())
            break;
    }
    return false;
}

QString accessibleName(QWidget *w)
{
    QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(w);
    return iface ? iface->text(QAccessible::Name).trimmed() : QString();
}

/// "QToolButton 'name' in PublishBar > QWidget > MainWindow" for failure messages.
QString describe(const QWidget *w)
{
    QString text = QString::fromLatin1(w->metaObject()->className());
    if (!w->objectName().isEmpty())
        text += u" '"_s + w->objectName() + u'\'';
    if (!w->toolTip().isEmpty())
        text += u" tooltip \""_s + w->toolTip() + u'"';
    QStringList chain;
    for (const QWidget *p = w->parentWidget(); p; p = p->parentWidget())
        chain << QString::fromLatin1(p->metaObject()->className());
    return text + u" in "_s + chain.join(u" > "_s);
}

void collectMenuActions(const QList<QAction *> &actions, QSet<QAction *> &out)
{
    for (QAction *a : actions) {
        if (out.contains(a))
            continue;
        out.insert(a);
        if (a->menu())
            collectMenuActions(a->menu()->actions(), out);
    }
}

QList<QWidget *> interactiveControls(QWidget *window)
{
    QList<QWidget *> out;
    const QList<QWidget *> all = window->findChildren<QWidget *>();
    for (QWidget *w : all) {
        if (isInteractive(w) && !isInternalPart(w) && !w->isWindow())
            out << w;
    }
    return out;
}

} // namespace

class TestAccessibility : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase()
    {
        m_ui.reset();
        qunsetenv("TELEGRAPH_DESKTOP_DATA_DIR");
    }

    void interactiveControls_haveAccessibleNames();
    void toolbarActions_haveTextForScreenReaders();
    void actions_haveShortcutOrMenuEntry();
    void interactiveControls_takeKeyboardFocus();
    void tabOrder_reachesTitleAuthorAndEditor();
    void tabKey_movesFromTitleThroughAuthorToEditor();
    void editor_offersTextInterfaceToScreenReaders();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<tg::DesktopApp> m_ui;
    tg::MainWindow *window() const { return m_ui->window(); }
};

void TestAccessibility::initTestCase()
{
    // The whole app with its in-app sandbox, so the account, page list and statistics panels
    // are checked too.
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    qputenv("TELEGRAPH_DESKTOP_DATA_DIR", m_dir.path().toUtf8());
    tg::DesktopApp::Options options;
    options.sandbox = true;
    m_ui = std::make_unique<tg::DesktopApp>(options);
    QString error;
    QVERIFY2(m_ui->start(&error), qPrintable(error));
    QTRY_VERIFY_WITH_TIMEOUT(m_ui->accounts() && !m_ui->accounts()->currentAccount().isEmpty(),
                             20000);
    window()->resize(1400, 900);
    QVERIFY(QTest::qWaitForWindowExposed(window()));
}

void TestAccessibility::interactiveControls_haveAccessibleNames()
{
    const QList<QWidget *> controls = interactiveControls(window());
    QVERIFY2(controls.size() >= 5, "the main window has suspiciously few controls");
    QStringList nameless;
    for (QWidget *w : controls) {
        if (accessibleName(w).isEmpty())
            nameless << describe(w);
    }
    QVERIFY2(nameless.isEmpty(),
             qPrintable(u"%1 of %2 controls have no accessible name:\n    "_s.arg(nameless.size())
                            .arg(controls.size()) +
                        nameless.join(u"\n    "_s)));
}

void TestAccessibility::toolbarActions_haveTextForScreenReaders()
{
    QStringList problems;
    const QList<QToolBar *> bars = window()->findChildren<QToolBar *>();
    QVERIFY(!bars.isEmpty());
    for (QToolBar *bar : bars) {
        if (bar->windowTitle().isEmpty())
            problems << u"toolbar '"_s + bar->objectName() + u"' has no title"_s;
        for (QAction *a : bar->actions()) {
            if (a->isSeparator())
                continue;
            QWidget *button = bar->widgetForAction(a);
            const QString name = button ? accessibleName(button) : a->text();
            if (name.isEmpty())
                problems << u"action without text in toolbar '"_s + bar->objectName() +
                                u"' (tooltip \""_s + a->toolTip() + u"\")"_s;
        }
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u"\n    "_s)));
}

void TestAccessibility::actions_haveShortcutOrMenuEntry()
{
    QSet<QAction *> inMenus;
    collectMenuActions(window()->menuBar()->actions(), inMenus);
    QVERIFY2(inMenus.size() > 10, "the menu bar has suspiciously few entries");
    QStringList unreachable;
    int checked = 0;
    const QList<QAction *> actions = window()->findChildren<QAction *>();
    for (QAction *a : actions) {
        if (a->isSeparator() || a->menu() || a->text().isEmpty() ||
            a->objectName().startsWith(u"qt_"_s) || a->objectName().startsWith(u"_q_"_s))
            continue;
        // Actions Qt adds to its own widgets (a line edit's clear button) are not features.
        QObject *owner = a->parent();
        if (qobject_cast<QLineEdit *>(owner) || qobject_cast<QAbstractSpinBox *>(owner) ||
            qobject_cast<QTextEdit *>(owner))
            continue;
        // A toolbar's show/hide toggle lives in Qt's own context menu; hiding it is no feature.
        if (auto *bar = qobject_cast<QToolBar *>(owner); bar && bar->toggleViewAction() == a)
            continue;
        ++checked;
        if (!inMenus.contains(a) && a->shortcut().isEmpty())
            unreachable << u"\""_s + a->text() + u"\" (owner "_s +
                               QString::fromLatin1(owner ? owner->metaObject()->className()
                                                         : "none") +
                               u')';
    }
    QVERIFY(checked > 0);
    QVERIFY2(unreachable.isEmpty(),
             qPrintable(u"actions with neither a shortcut nor a menu entry:\n    "_s +
                        unreachable.join(u"\n    "_s)));
}

void TestAccessibility::interactiveControls_takeKeyboardFocus()
{
    QSet<QAction *> reachable;
    collectMenuActions(window()->menuBar()->actions(), reachable);
    QStringList problems;
    for (QWidget *w : interactiveControls(window())) {
        if (w->focusPolicy() & Qt::TabFocus)
            continue;
        // A tool button standing for a menu action or one with a shortcut is keyboard-reachable.
        auto *tool = qobject_cast<QToolButton *>(w);
        if (tool && tool->defaultAction() &&
            (reachable.contains(tool->defaultAction()) ||
             !tool->defaultAction()->shortcut().isEmpty()))
            continue;
        auto *button = qobject_cast<QAbstractButton *>(w);
        if (button && !button->shortcut().isEmpty())
            continue;
        problems << describe(w);
    }
    QVERIFY2(problems.isEmpty(), qPrintable(u"controls the keyboard cannot reach:\n    "_s +
                                            problems.join(u"\n    "_s)));
}

void TestAccessibility::tabOrder_reachesTitleAuthorAndEditor()
{
    tg::EditorPane *pane = window()->editorPane();
    QLineEdit *title = pane->titleEdit();
    QWidget *editor = pane->editor();
    QList<QWidget *> chain;
    QWidget *w = title;
    do {
        if ((w->focusPolicy() & Qt::TabFocus) && w->isVisibleTo(window()) && w->isEnabled())
            chain << w;
        w = w->nextInFocusChain();
    } while (w && w != title && chain.size() < 500);

    QVERIFY(chain.contains(title));
    QVERIFY2(chain.contains(editor), "the editor is not in the tab order");
    const QList<QLineEdit *> fields = pane->findChildren<QLineEdit *>();
    QVERIFY2(fields.size() >= 2, "no author field next to the title");
    for (QLineEdit *field : fields) {
        if (field->isVisibleTo(window()) && !isInternalPart(field))
            QVERIFY2(chain.contains(field), qPrintable(describe(field)));
    }
}

void TestAccessibility::tabKey_movesFromTitleThroughAuthorToEditor()
{
    window()->activateWindow();
    tg::EditorPane *pane = window()->editorPane();
    QLineEdit *title = pane->titleEdit();
    title->setFocus(Qt::TabFocusReason);
    QTRY_VERIFY(title->hasFocus());
    QList<QWidget *> visited;
    for (int i = 0; i < 12 && !pane->editor()->hasFocus(); ++i) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        visited << QApplication::focusWidget();
    }
    QVERIFY2(pane->editor()->hasFocus(), "Tab from the title never reaches the editor");
    bool author = false;
    for (QWidget *w : visited) {
        if (qobject_cast<QLineEdit *>(w) && w != title && pane->isAncestorOf(w))
            author = true;
    }
    QVERIFY2(author, "Tab from the title skips the author fields");
}

void TestAccessibility::editor_offersTextInterfaceToScreenReaders()
{
    tg::SourceEditor *editor = window()->editorPane()->editor();
    editor->setPlainText(u"Hello world\nSecond line"_s);
    QTextCursor cursor = editor->textCursor();
    cursor.setPosition(6);
    editor->setTextCursor(cursor);

    QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(editor);
    QVERIFY(iface);
    QCOMPARE(iface->role(), QAccessible::EditableText);
    QVERIFY(!iface->text(QAccessible::Name).isEmpty());
    QVERIFY(iface->state().editable);
    QAccessibleTextInterface *text = iface->textInterface();
    QVERIFY2(text, "the editor offers no QAccessibleTextInterface");
    QCOMPARE(text->characterCount(), editor->toPlainText().size());
    QCOMPARE(text->text(0, 5), u"Hello"_s);
    QCOMPARE(text->cursorPosition(), 6);
    QVERIFY(iface->editableTextInterface());
}

int main(int argc, char **argv)
{
    tg::test::applyHeadlessDefaults();
    QApplication app(argc, argv);
    TestAccessibility tc;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&tc, argc, argv);
}

#include "tst_accessibility.moc"
