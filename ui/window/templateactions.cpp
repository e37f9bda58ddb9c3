// SPDX-License-Identifier: MIT
#include "window/templateactions.h"

#include "drafts/draftspanel.h"
#include "drafts/templatedialog.h"
#include "editor/editorpane.h"
#include "storage/draftstore.h"
#include "window/mainwindow.h"
#include "window/messagearea.h"
#include "workflow/draftsession.h"

#include <QInputDialog>
#include <QStatusBar>
#include <QtConcurrent/QtConcurrentRun>

namespace tg {

TemplateActions::TemplateActions(MainWindow *window, DraftStore *store)
    : QObject(window)
    , m_window(window)
    , m_store(store)
    , m_templates(store)
{
    connect(&m_save, &QFutureWatcher<SaveResult>::finished, this, &TemplateActions::onSaved);
}

TemplateActions::~TemplateActions()
{
    m_save.waitForFinished(); // it writes through the store
}

TemplateDialog *TemplateActions::showNewFromTemplate()
{
    auto *dialog = new TemplateDialog(&m_templates, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &TemplateDialog::templateChosen, this, &TemplateActions::newDraftFrom);
    dialog->open();
    return dialog;
}

bool TemplateActions::newDraftFrom(const DraftTemplate &t)
{
    Draft d = TemplateStore::newDraft(t);
    const AuthorDefaults author = m_window->newDraftAuthor();
    d.authorName = author.name;
    d.authorUrl = author.url;
    m_window->saveNow();
    m_store->save(d);
    if (!m_store->flush() || !m_window->openDraft(d.id)) {
        // The text stays queued in the store, which keeps trying.
        m_window->messages()->showMessage(
            tr("The draft from the template “%1” could not be stored: %2")
                .arg(t.name, m_store->lastError()),
            true);
        return false;
    }
    m_window->draftsPanel()->refresh();
    m_window->statusBar()->showMessage(tr("New draft from the template “%1”.").arg(t.name), 5000);
    return true;
}

QInputDialog *TemplateActions::askSaveAsTemplate()
{
    auto *ask = new QInputDialog(m_window);
    ask->setObjectName(QStringLiteral("templateNameDialog"));
    ask->setAttribute(Qt::WA_DeleteOnClose);
    ask->setWindowTitle(tr("Save Draft as Template"));
    ask->setLabelText(tr("Name of the new template:"));
    const QString title = m_window->editorPane()->title().trimmed();
    ask->setTextValue(title.left(TemplateStore::MaxNameChars));
    connect(ask, &QInputDialog::textValueSelected, this,
            [this](const QString &name) { saveAsTemplate(name); });
    ask->open();
    return ask;
}

bool TemplateActions::saveAsTemplate(const QString &name)
{
    if (m_save.isRunning())
        return false;
    Draft d = m_window->session()->draft();
    m_window->editorPane()->fillDraft(d);
    const TemplateStore templates = m_templates;
    m_save.setFuture(QtConcurrent::run([templates, d, name] {
        SaveResult r;
        r.saved = templates.saveDraft(d, name, &r.error);
        return r;
    }));
    return true;
}

void TemplateActions::onSaved()
{
    const SaveResult r = m_save.result();
    if (!r.saved) {
        const QString message = tr("Not saved as a template: %1").arg(r.error);
        m_window->messages()->showMessage(message, true, MessageScope::Draft,
                                          QStringLiteral("template"));
        Q_EMIT templateSaved(false, message);
        return;
    }
    m_window->messages()->clearMessages(MessageScope::Draft, QStringLiteral("template"));
    const QString message = tr("Saved as the template “%1”: File → New from Template… starts a "
                               "draft from it.")
                                .arg(r.saved->name);
    m_window->statusBar()->showMessage(message, 8000);
    Q_EMIT templateSaved(true, message);
}

} // namespace tg
