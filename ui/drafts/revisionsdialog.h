// SPDX-License-Identifier: MIT
#pragma once

#include "storage/revision.h"

#include <QDialog>

class QListWidget;
class QTextBrowser;
class QPushButton;

namespace tg {

class DraftStore;

/// The local history of a page: every published version, a diff of the selected one against
/// the current text, and a button to bring it back into the editor.
class RevisionsDialog : public QDialog
{
    Q_OBJECT
public:
    RevisionsDialog(DraftStore *store, const QString &draftId, const QString &currentBody,
                    QWidget *parent = nullptr);

    QListWidget *list() const { return m_list; }
    /// The diff shown right now, as plain text ("+ line", "- line", "  line").
    QString diffText() const;
    /// Restores the selected revision (same as the button).
    void restoreSelected();

Q_SIGNALS:
    /// The writer chose to restore this revision into the editor.
    void restoreRequested(const tg::Revision &revision);

private:
    void showSelected();

    QList<Revision> m_revisions;
    QString m_current;
    QListWidget *m_list = nullptr;
    QTextBrowser *m_diff = nullptr;
    QPushButton *m_restore = nullptr;
};

} // namespace tg
