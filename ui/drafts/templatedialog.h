// SPDX-License-Identifier: MIT
#pragma once

#include "workflow/templatestore.h"

#include <QDialog>
#include <QList>

#include <optional>

class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;

namespace tg {

/// File → New from Template…: the templates (built-in ones first, then the writer's), the text
/// of the one selected, and Create Draft. The writer's own templates can be renamed and deleted
/// here; the built-in ones cannot. Problems (a name that is taken, a database error) show in
/// the dialog.
class TemplateDialog : public QDialog
{
    Q_OBJECT
public:
    /// `templates` is not owned and must outlive the dialog.
    explicit TemplateDialog(const TemplateStore *templates, QWidget *parent = nullptr);

    /// Selects the template with this id; false when there is none.
    bool selectTemplate(const QString &id);
    /// The selected template; nullopt when none is.
    std::optional<DraftTemplate> selected() const;
    /// Renames the selected template (one of the writer's); false with the reason shown.
    bool renameSelected(const QString &name);
    /// Deletes the selected template (one of the writer's) without asking; false with the reason
    /// shown.
    bool deleteSelected();
    /// The problem shown now (empty when none).
    QString errorText() const;

    QListWidget *list() const { return m_list; }
    QPlainTextEdit *preview() const { return m_preview; }
    QPushButton *createButton() const { return m_create; }
    QPushButton *renameButton() const { return m_rename; }
    QPushButton *deleteButton() const { return m_delete; }

Q_SIGNALS:
    /// Create Draft was chosen for this template (the dialog is accepted next).
    void templateChosen(const tg::DraftTemplate &t);

private:
    void reload(const QString &selectId = {});
    void showSelected();
    void showError(const QString &message);
    void askRename();
    void askDelete();

    const TemplateStore *m_templates;
    QList<DraftTemplate> m_items;
    QListWidget *m_list;
    QLabel *m_description;
    QPlainTextEdit *m_preview;
    QLabel *m_error;
    QPushButton *m_create;
    QPushButton *m_rename;
    QPushButton *m_delete;
};

} // namespace tg
