// SPDX-License-Identifier: MIT
#pragma once

#include "workflow/templatestore.h"

#include <QFutureWatcher>
#include <QObject>
#include <QPointer>

class QInputDialog;

namespace tg {

class DraftStore;
class MainWindow;
class TemplateDialog;

/// The window's side of templates: File → New from Template… (the dialog, then a new draft
/// with the template's title, text and format, stored and opened in the editor) and File → Save
/// Draft as Template… (a name prompt, then the open draft kept as a template; its size check
/// converts the text, so it runs off the GUI thread).
class TemplateActions : public QObject
{
    Q_OBJECT
public:
    /// Neither is owned; both outlive the actions.
    TemplateActions(MainWindow *window, DraftStore *store);
    ~TemplateActions() override;

    const TemplateStore *templates() const { return &m_templates; }
    /// Opens the template dialog (window-modal; it deletes itself on close) and returns it.
    TemplateDialog *showNewFromTemplate();
    /// Starts a new draft from the template (the author fields of a new draft), stores it and
    /// opens it in the editor; false with a message when it cannot be stored.
    bool newDraftFrom(const DraftTemplate &t);
    /// Asks for the template's name (window-modal, the draft's title proposed) and returns the
    /// prompt; accepting it calls saveAsTemplate().
    QInputDialog *askSaveAsTemplate();
    /// Keeps the open draft as a template named `name`; templateSaved() follows. False (nothing
    /// started) while a save runs.
    bool saveAsTemplate(const QString &name);

Q_SIGNALS:
    /// A save ended: its message (shown in the window too) says what was kept or why not.
    void templateSaved(bool ok, const QString &message);

private:
    struct SaveResult
    {
        std::optional<DraftTemplate> saved;
        QString error;
    };
    void onSaved();

    MainWindow *m_window;
    DraftStore *m_store;
    TemplateStore m_templates;
    QFutureWatcher<SaveResult> m_save;
};

} // namespace tg
