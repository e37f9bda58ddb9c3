// SPDX-License-Identifier: MIT
#include "window/windowmenus.h"

#include "editor/editorpane.h"
#include "editor/findbar.h"
#include "editor/sourceeditor.h"
#include "editor/spellingcontroller.h"
#include "editor/typewriterscroll.h"
#include "preview/previewpane.h"
#include "preview/previewprivacy.h"
#include "storage/draftstore.h"
#include "window/focusmode.h"
#include "window/layoutmode.h"
#include "window/mainwindow.h"
#include "window/menustyle.h"
#include "window/openpagedialog.h"
#include "window/privatelinkoption.h"
#include "window/templateactions.h"
#include "window/writingstatus.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDockWidget>
#include <QFileDialog>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QStatusBar>
#include <QToolBar>

namespace tg {

void WindowMenus::build(MainWindow *w)
{
    auto add = [w](QMenu *menu, const QString &text, const QKeySequence &key, auto slot,
                   const QString &icon = {}) {
        QAction *a = menu->addAction(QIcon::fromTheme(icon), text);
        a->setShortcut(key);
        QObject::connect(a, &QAction::triggered, w, slot);
        return a;
    };
    QToolBar *bar = w->addToolBar(MainWindow::tr("Main"));
    bar->setObjectName(QStringLiteral("mainToolBar"));

    QMenu *file = w->menuBar()->addMenu(MainWindow::tr("&File"));
    bar->addAction(add(
        file, MainWindow::tr("&New draft"), QKeySequence::New, [w] { w->newDraft(); },
        QStringLiteral("document-new")));
    add(file, MainWindow::tr("New from &Template…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N),
        [w] { w->m_templates->showNewFromTemplate(); })
        ->setObjectName(QStringLiteral("newFromTemplateAction"));
    add(file, MainWindow::tr("&Open page…"), QKeySequence::Open, [w] {
        const QString url = OpenPageDialog::ask(w);
        if (!url.isEmpty())
            w->openPage(url);
    });
    w->m_recentMenu = file->addMenu(MainWindow::tr("Recent &Files"));
    w->m_recentMenu->setObjectName(QStringLiteral("recentFilesMenu"));
    QObject::connect(w->m_recentMenu, &QMenu::aboutToShow, w, [w] { w->fillRecentMenu(); });
    w->fillRecentMenu();
    bar->addAction(add(
        file, MainWindow::tr("&Save"), QKeySequence::Save,
        [w] {
            // A failed write is reported by the save problem bar or the message area, never
            // as saved.
            if (w->saveDraftAndFile())
                w->statusBar()->showMessage(w->sourceFile().isEmpty()
                                                ? MainWindow::tr("Draft saved.")
                                                : MainWindow::tr("Draft saved to %1.")
                                                      .arg(QFileInfo(w->sourceFile()).fileName()),
                                            3000);
        },
        QStringLiteral("document-save")));
    add(file, MainWindow::tr("&Import file…"), QKeySequence(), [w] { w->importFile(); });
    add(file, MainWindow::tr("Insert &Image…"), QKeySequence(), [w] {
        const QStringList paths = QFileDialog::getOpenFileNames(
            w, MainWindow::tr("Insert Image"), QString(),
            MainWindow::tr("Images (*.png *.jpg *.jpeg *.gif *.webp);;All files (*)"));
        if (!paths.isEmpty())
            w->insertImageFiles(paths);
    })->setObjectName(QStringLiteral("insertImageAction"));
    add(file, MainWindow::tr("&Export…"), QKeySequence(), [w] { w->exportDraft(); });
    add(file, MainWindow::tr("Save Draft as Te&mplate…"), QKeySequence(), [w] {
        w->m_templates->askSaveAsTemplate();
    })->setObjectName(QStringLiteral("saveAsTemplateAction"));
    file->addSeparator();
    w->m_publishAction = add(
        file, MainWindow::tr("&Publish / update"), QKeySequence(Qt::CTRL | Qt::Key_Return),
        [w] { w->publish(); }, QStringLiteral("document-send"));
    w->m_publishAction->setObjectName(QStringLiteral("publishAction"));
    bar->addAction(w->m_publishAction);
    w->m_privateLink->addTo(file, bar);
    w->updatePublishText();
    add(file, MainWindow::tr("Publish as a &series"), QKeySequence(),
        [w] { w->publishAsSeries(); });
    add(file, MainWindow::tr("Publish Fol&der…"), QKeySequence(), [w] {
        w->publishFolder();
    })->setObjectName(QStringLiteral("publishFolderAction"));
    add(file, MainWindow::tr("&Revisions…"), QKeySequence(), [w] { w->showRevisions(); });
    file->addSeparator();
    add(file, MainWindow::tr("Se&ttings…"), QKeySequence::Preferences, [w] { w->showSettings(); });
    add(file, MainWindow::tr("&Quit"), QKeySequence::Quit, [w] { w->close(); });

    SourceEditor *ed = w->m_editor->editor();
    QMenu *edit = w->menuBar()->addMenu(MainWindow::tr("&Edit"));
    w->m_editMenu = edit;
    add(edit, MainWindow::tr("&Undo"), QKeySequence::Undo, [ed] { ed->undo(); });
    add(edit, MainWindow::tr("&Redo"), QKeySequence::Redo, [ed] { ed->redo(); });
    edit->addSeparator();
    // Clipboard actions act on the editor; their keys work while the editor pane has the focus
    // (other panels keep their own Copy, e.g. the page list's link).
    auto editorAction = [&](const QString &text, QKeySequence::StandardKey key, auto slot,
                            const char *name) {
        QAction *a = add(edit, text, key, slot);
        a->setObjectName(QLatin1String(name));
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        w->m_editor->addAction(a);
        return a;
    };
    QAction *cut = editorAction(
        MainWindow::tr("Cu&t"), QKeySequence::Cut, [ed] { ed->cut(); }, "cutAction");
    QAction *copy = editorAction(
        MainWindow::tr("&Copy"), QKeySequence::Copy, [ed] { ed->copy(); }, "copyAction");
    QAction *paste = editorAction(
        MainWindow::tr("&Paste"), QKeySequence::Paste, [ed] { ed->paste(); }, "pasteAction");
    editorAction(
        MainWindow::tr("Select &All"), QKeySequence::SelectAll, [ed] { ed->selectAll(); },
        "selectAllAction");
    cut->setEnabled(false);
    copy->setEnabled(false);
    QObject::connect(ed, &QPlainTextEdit::copyAvailable, cut,
                     [ed, cut](bool yes) { cut->setEnabled(yes && !ed->isReadOnly()); });
    QObject::connect(ed, &QPlainTextEdit::copyAvailable, copy, &QAction::setEnabled);
    auto updatePaste = [ed, paste] {
        paste->setEnabled(ed->canPaste());
    };
    QObject::connect(QApplication::clipboard(), &QClipboard::dataChanged, paste, updatePaste);
    QObject::connect(edit, &QMenu::aboutToShow, paste, updatePaste);
    updatePaste();
    edit->addSeparator();
    add(edit, MainWindow::tr("&Find…"), QKeySequence::Find, [w] { w->m_findBar->activate(false); });
    add(edit, MainWindow::tr("Find and &replace…"), QKeySequence::Replace,
        [w] { w->m_findBar->activate(true); });
    add(edit, MainWindow::tr("Find &next"), QKeySequence::FindNext,
        [w] { w->m_findBar->findNext(); });
    add(edit, MainWindow::tr("Find &Everywhere…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F),
        [w] { w->showSearch(); })
        ->setObjectName(QStringLiteral("findEverywhereAction"));
    edit->addSeparator();
    add(edit, MainWindow::tr("Set &Word Goal…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_G),
        [w] { w->m_writing->askWordGoal(); })
        ->setObjectName(QStringLiteral("wordGoalAction"));
    edit->addMenu(w->m_spelling->menu());

    QMenu *format = w->menuBar()->addMenu(MainWindow::tr("F&ormat"));
    struct Item
    {
        QString text;
        QKeySequence key;
        SourceEditor::Markup markup;
    };
    const Item items[] = {
        {MainWindow::tr("&Bold"), QKeySequence::Bold, SourceEditor::Markup::Bold},
        {MainWindow::tr("&Italic"), QKeySequence::Italic, SourceEditor::Markup::Italic},
        {MainWindow::tr("&Link"), QKeySequence(Qt::CTRL | Qt::Key_K), SourceEditor::Markup::Link},
        {MainWindow::tr("&Heading"), QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_3),
         SourceEditor::Markup::Heading},
        {MainWindow::tr("&Subheading"), QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_4),
         SourceEditor::Markup::Subheading},
        {MainWindow::tr("&Quote"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Q),
         SourceEditor::Markup::Quote},
        {MainWindow::tr("Li&st"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L),
         SourceEditor::Markup::List},
        {MainWindow::tr("&Code"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C),
         SourceEditor::Markup::Code},
        {MainWindow::tr("Code &block"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_B),
         SourceEditor::Markup::CodeBlock},
    };
    for (const Item &i : items) {
        const SourceEditor::Markup m = i.markup;
        add(format, i.text, i.key, [ed, m] { ed->applyMarkup(m); });
    }

    w->m_accountMenu = w->menuBar()->addMenu(MainWindow::tr("&Account"));
    w->m_viewMenu = w->menuBar()->addMenu(MainWindow::tr("&View"));
    QAction *toggle = add(w->m_viewMenu, MainWindow::tr("&Preview"), QKeySequence(Qt::Key_F9),
                          [w] { w->setPreviewVisible(!w->m_previewSide->isVisible()); });
    toggle->setCheckable(false);
    add(w->m_viewMenu, MainWindow::tr("Zoom &in"), QKeySequence::ZoomIn, [w, ed] {
        ed->zoom(1);
        w->m_preview->setZoomFactor(qMin(3.0, w->m_preview->zoomFactor() + 0.1));
    });
    add(w->m_viewMenu, MainWindow::tr("Zoom &out"), QKeySequence::ZoomOut, [w, ed] {
        ed->zoom(-1);
        w->m_preview->setZoomFactor(qMax(0.3, w->m_preview->zoomFactor() - 0.1));
    });
    add(w->m_viewMenu, MainWindow::tr("&Dark preview"), QKeySequence(), [w] {
        w->m_previewSettings.dark = !w->m_previewSettings.dark;
        w->m_preview->setDark(w->m_previewSettings.dark);
        w->m_previewSettings.save(*w->m_settings);
    });
    w->m_viewMenu->addAction(w->m_previewPrivacy->action());
    w->m_fullScreenAction =
        add(w->m_viewMenu, MainWindow::tr("&Full Screen"), QKeySequence(Qt::Key_F11),
            [w] { w->setWindowState(w->windowState() ^ Qt::WindowFullScreen); });
    w->m_fullScreenAction->setObjectName(QStringLiteral("fullScreenAction"));
    w->m_fullScreenAction->setCheckable(true);
    // The platform's full-screen keys too, where they are free (KDE's Ctrl+Shift+F is Find
    // Everywhere's).
    QList<QKeySequence> fullScreenKeys{QKeySequence(Qt::Key_F11)};
    for (const QKeySequence &k : QKeySequence::keyBindings(QKeySequence::FullScreen)) {
        if (!fullScreenKeys.contains(k) && k != QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F))
            fullScreenKeys.append(k);
    }
    w->m_fullScreenAction->setShortcuts(fullScreenKeys);
    w->m_viewMenu->addAction(w->m_focus->action());
    w->m_viewMenu->addAction(w->m_typewriter->action());
    w->m_viewMenu->addSeparator();
    w->m_viewMenu->addAction(w->m_layoutMode->writeAction());
    w->m_viewMenu->addAction(w->m_layoutMode->libraryAction());
    w->m_viewMenu->addAction(w->m_layoutMode->resetAction());
    w->m_viewMenu->addSeparator();
    for (QDockWidget *dock : w->findChildren<QDockWidget *>())
        w->m_viewMenu->addAction(dock->toggleViewAction());

    QMenu *help = w->menuBar()->addMenu(MainWindow::tr("&Help"));
    help->setObjectName(QStringLiteral("helpMenu"));
    add(
        help, MainWindow::tr("&User Guide"), QKeySequence::HelpContents,
        [w] { w->showUserGuide(); }, QStringLiteral("help-contents"))
        ->setObjectName(QStringLiteral("userGuideAction"));
    add(help, MainWindow::tr("&Keyboard Shortcuts"), QKeySequence(), [w] {
        w->showShortcuts();
    })->setObjectName(QStringLiteral("shortcutsAction"));
    help->addSeparator();
    add(
        help, MainWindow::tr("&About Telegraph Desktop"), QKeySequence(), [w] { w->showAbout(); },
        QStringLiteral("help-about"))
        ->setObjectName(QStringLiteral("aboutAction"));

    // Right to left, shortcuts keep clear of the items' text (see MenuStyle).
    auto *menuStyle = new MenuStyle(w);
    for (QMenu *menu : w->menuBar()->findChildren<QMenu *>())
        menu->setStyle(menuStyle);
}

} // namespace tg
